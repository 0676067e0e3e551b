using TriageCI.Core.Diagnostics;

namespace TriageCI.GitHub.Actions;

/// <summary>
/// Turns TriageCI's diagnostics into annotations within GitHub's limits: GitHub shows at most 10 errors, 10 warnings
/// and 10 notices per step, so errors come first, each level stops at 10, and one last notice says how many more are
/// in the step summary. Titles carry the stable <c>TRIAGE</c> code; files are given relative to the workspace.
/// </summary>
public static class AnnotationWriter
{
    public const int PerLevelLimit = 10;

    /// <summary>Writes the annotations; returns how many were left out.</summary>
    public static int Write(ActionsEnvironment environment, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var left = 0;
        var notices = 0;
        foreach (var group in diagnostics.GroupBy(d => d.Severity).OrderByDescending(g => g.Key))
        {
            var written = 0;
            foreach (var diagnostic in group)
            {
                if (written == PerLevelLimit || (group.Key == DiagnosticSeverity.Notice && written == PerLevelLimit - 1))
                {
                    left++;
                    continue;
                }

                environment.Commands.Annotate(
                    Level(diagnostic.Severity),
                    diagnostic.Message,
                    $"{diagnostic.Code.Code}: {diagnostic.Code.Title}",
                    diagnostic.File is { } file ? environment.ForRunner(file) : null,
                    diagnostic.Line);
                written++;
            }

            if (group.Key == DiagnosticSeverity.Notice)
            {
                notices = written;
            }
        }

        if (left > 0 && notices < PerLevelLimit)
        {
            environment.Commands.Annotate("notice", $"{left} more TriageCI findings are not shown as annotations (GitHub shows at most {PerLevelLimit} per level and step); every finding is in the step summary and triage-report.json.", "TriageCI: more findings");
        }

        return left;
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "notice",
    };
}
