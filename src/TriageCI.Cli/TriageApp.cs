using System.CommandLine;
using TriageCI.Cli.Commands;
using TriageCI.Cli.Diagnostics;
using TriageCI.Core.Diagnostics;

namespace TriageCI.Cli;

/// <summary>The <c>triage</c> command line.</summary>
public static class TriageApp
{
    public static RootCommand CreateRootCommand(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var root = new RootCommand("TriageCI: finds out why each failed task of an AI-agent benchmark run failed.");
        root.Subcommands.Add(RunCommand.Create(environment));
        root.Subcommands.Add(ActionCommand.Create(environment));
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TemplatesCommand.Create());
        root.Subcommands.Add(BenchmarkCommand.Create());
        return root;
    }

    /// <param name="args">The command line.</param>
    /// <param name="configuration">Where output and errors go.</param>
    /// <param name="environment">The environment variables (tests pass their own); the process's by default.</param>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null, Func<string, string?>? environment = null)
    {
        var parsed = CreateRootCommand(environment).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine exits 1 on a bad command line; 1 means "threshold crossed" here, so usage errors get their own code.
            var error = configuration?.Error ?? Console.Error;
            var format = DiagnosticsOption.Requested(parsed);
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(format == DiagnosticsFormat.MSBuild
                    ? MSBuildDiagnostics.Problem(DiagnosticCodes.InvalidOption, null, problem.Message)
                    : problem.Message);
            }

            await error.WriteLineAsync("Run 'triage --help' for usage.");
            return (int)ExitCode.UsageError;
        }

        return await parsed.InvokeAsync(configuration);
    }
}
