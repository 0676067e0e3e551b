using System.CommandLine;
using TriageCI.Cli.Commands.Benchmarks;

namespace TriageCI.Cli.Commands;

/// <summary><c>triage benchmark</c>: measurements of TriageCI's own costs, one subcommand per part measured.</summary>
public static class BenchmarkCommand
{
    public static Command Create() => new("benchmark", "Measure what TriageCI's parts cost on this machine.")
    {
        PromptBenchmark.Create(),
    };
}
