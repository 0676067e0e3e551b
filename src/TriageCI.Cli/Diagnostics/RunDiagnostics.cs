using System.CommandLine;
using TriageCI.Core.Diagnostics;
using TriageCI.Core.Reports;

namespace TriageCI.Cli.Diagnostics;

/// <summary>
/// What <c>triage run</c> found and what stopped it, printed in the format the command line asked for. Without a
/// format, problems keep their plain <c>path: problem</c> form and findings stay in the reports.
/// </summary>
public sealed class RunDiagnostics(InvocationConfiguration io, DiagnosticsFormat format)
{
    /// <summary>A problem that stops the run; <paramref name="path"/> is the file or folder at fault, if any.</summary>
    public Task ProblemAsync(DiagnosticCode code, string? path, string problem) => io.Error.WriteLineAsync(format switch
    {
        DiagnosticsFormat.MSBuild => MSBuildDiagnostics.Problem(code, path, problem),
        _ => path is null ? problem : $"{path}: {problem}",
    });

    /// <summary>
    /// One diagnostic per task defect, infrastructure failure and unreadable trial. The categories of the thresholds
    /// the report crossed are errors, so a build fails exactly when <c>triage</c> exits non-zero.
    /// </summary>
    public async Task FindingsAsync(TriageReport report, string results, FailOnPolicy crossed)
    {
        if (format == DiagnosticsFormat.None)
        {
            return;
        }

        var root = Directory.Exists(results) ? Path.GetFullPath(results) : Path.GetDirectoryName(Path.GetFullPath(results))!;
        foreach (var diagnostic in DiagnosticsBuilder.From(report, root, crossed))
        {
            await io.Output.WriteLineAsync(MSBuildDiagnostics.Format(diagnostic));
        }
    }

    /// <summary>Why the run exits non-zero although it finished; as a diagnostic, it follows the findings on the same stream.</summary>
    public Task ThresholdCrossedAsync(string message) => format switch
    {
        DiagnosticsFormat.MSBuild => io.Output.WriteLineAsync(MSBuildDiagnostics.Error(message)),
        _ => io.Error.WriteLineAsync(message),
    };
}
