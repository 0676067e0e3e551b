using System.CommandLine;

namespace TriageCI.Cli.Tests;

/// <summary>Runs the real <c>triage</c> command line in-process, capturing what it prints.</summary>
internal static class CliRunner
{
    public static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(new ScrubbedEnvironment(), args);

    /// <summary>Runs with <paramref name="environment"/> as the command's environment variables (the process's are never changed).</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(ScrubbedEnvironment environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await TriageApp.RunAsync(args, new InvocationConfiguration { Output = output, Error = error }, environment.Get);
        return (exit, output.ToString(), error.ToString());
    }
}
