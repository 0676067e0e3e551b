using System.Globalization;
using System.Text.Json;
using TriageCI.Core.Reports;

namespace TriageCI.GitHub.Actions;

/// <summary>The action's outputs: <c>action.yml</c> declares exactly these (a test keeps them equal), and the README lists them.</summary>
public static class ActionOutputs
{
    public static IReadOnlyList<ActionOutput> All { get; } =
    [
        new("trials", "trials read, passed and failed"),
        new("resolved", "trials that passed"),
        new("failed", "trials that failed and were triaged"),
        new("unreadable", "trials that could not be read"),
        new("task-defects", "failed trials judged task defects"),
        new("agent-errors", "failed trials judged agent errors"),
        new("infra-failures", "failed trials judged infrastructure failures"),
        new("undetermined", "failed trials the evidence could not decide"),
        new("counts", "failed trials per class, as a JSON object keyed by taxonomy id"),
        new("raw-score", "resolved / trials, from 0 to 1 (empty with no trials)"),
        new("adjusted-score", "resolved / (trials - task defects - infrastructure failures), from 0 to 1 (empty when undefined)"),
        new("has-task-defects", "`true` when any failed trial was judged a task defect"),
        new("comment-url", "the sticky pull-request comment, when one was written or found unchanged"),
        new("issue-numbers", "the defect issues created, updated or found unchanged, comma-separated"),
        new("publish-status", "`published`, `partial`, `dry-run`, `read-only` (the token may not write), `no-token`, `failed` or `skipped` (nothing to publish to)"),
        new("report-json", "path of `triage-report.json`"),
        new("summary-md", "path of `summary.md`"),
        new("curation-jsonl", "path of `curation.jsonl`"),
        new("rerun-txt", "path of `rerun.txt`"),
    ];

    /// <summary>The values of every output for a finished run.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Values(TriageReport report, IReadOnlyDictionary<string, string> paths, GitHubReportResult result)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(result);
        var score = report.Score;
        var counts = report.Counts.Where(c => c.Count > 0).ToDictionary(c => c.Id, c => c.Count, StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["trials"] = Number(score.Trials),
            ["resolved"] = Number(score.Resolved),
            ["failed"] = Number(score.Failed),
            ["unreadable"] = Number(score.Unreadable),
            ["task-defects"] = Number(score.TaskDefects),
            ["agent-errors"] = Number(score.AgentErrors),
            ["infra-failures"] = Number(score.InfrastructureFailures),
            ["undetermined"] = Number(score.Undetermined),
            ["counts"] = JsonSerializer.Serialize(counts),
            ["raw-score"] = Fraction(score.RawScore),
            ["adjusted-score"] = Fraction(score.AdjustedScore),
            ["has-task-defects"] = score.TaskDefects > 0 ? "true" : "false",
            ["comment-url"] = result.Comment?.Url ?? string.Empty,
            ["issue-numbers"] = string.Join(',', result.Issues.Where(i => i.Number is not null && i.Action != "over-cap").Select(i => Number(i.Number!.Value))),
            ["publish-status"] = result.Status,
            ["report-json"] = paths.GetValueOrDefault("report-json", string.Empty),
            ["summary-md"] = paths.GetValueOrDefault("summary-md", string.Empty),
            ["curation-jsonl"] = paths.GetValueOrDefault("curation-jsonl", string.Empty),
            ["rerun-txt"] = paths.GetValueOrDefault("rerun-txt", string.Empty),
        };
        return All.Select(o => new KeyValuePair<string, string>(o.Name, values[o.Name])).ToList();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fraction(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty;
}
