using System.CommandLine;
using TriageCI.Cli.Commands;
using TriageCI.Cli.Diagnostics;
using TriageCI.Core.Diagnostics;

namespace TriageCI.Cli;

/// <summary>The <c>triage</c> command line.</summary>
public static class TriageApp
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("TriageCI: finds out why each failed task of an AI-agent benchmark run failed.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TemplatesCommand.Create());
        root.Subcommands.Add(BenchmarkCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        var parsed = CreateRootCommand().Parse(args);
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
