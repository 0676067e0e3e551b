using System.CommandLine;

namespace TriageCI.Cli.Commands;

/// <summary>
/// <c>triage action</c>: the GitHub Action's entrypoint. Reads each input from its <c>INPUT_&lt;NAME&gt;</c> variable
/// and runs <c>triage run</c> with it as the option of the same name (input <c>fail-on</c> is <c>--fail-on</c>), so
/// the action and the command line can never mean different things. Empty inputs are left out, so the command's
/// defaults apply.
/// </summary>
public static class ActionCommand
{
    public static Command Create(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var command = new Command("action", "Run as the GitHub Action: read the inputs from INPUT_* variables and run 'triage run' with them.");
        command.SetAction((parse, _) => TriageApp.RunAsync([.. Arguments(environment)], parse.InvocationConfiguration, environment));
        return command;
    }

    /// <summary>The <c>triage run</c> command line the inputs stand for.</summary>
    public static IReadOnlyList<string> Arguments(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var run = RunCommand.Create(environment);
        var args = new List<string> { "run" };
        foreach (var option in run.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name != "--help"))
        {
            if (Input(environment, InputName(option)) is { } value)
            {
                args.Add(option.Name);
                args.Add(value);
            }
        }

        // After "--" the argument is never taken for an option, whatever it starts with.
        foreach (var argument in run.Arguments)
        {
            if (Input(environment, argument.Name) is { } value)
            {
                args.Add("--");
                args.Add(value);
            }
        }

        return args;
    }

    /// <summary>The action input an option maps to: its name without the leading dashes.</summary>
    public static string InputName(Option option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.Name.TrimStart('-');
    }

    /// <summary>
    /// The runner passes input <c>fail-on</c> as <c>INPUT_FAIL-ON</c> (upper case, spaces as underscores, dashes kept);
    /// values are trimmed, as the Actions toolkit does.
    /// </summary>
    private static string? Input(Func<string, string?> environment, string name)
    {
        var key = "INPUT_" + name.Replace(' ', '_').ToUpperInvariant();
        var value = environment(key) ?? environment(key.Replace('-', '_'));
        return value?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }
}
