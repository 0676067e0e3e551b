using TriageCI.Core.Diagnostics;
using TriageCI.Core.Reports;
using TriageCI.Core.Reports.Markdown;

namespace TriageCI.GitHub.Actions;

/// <summary>A finished triage, its files written, ready to be reported to GitHub.</summary>
/// <param name="Report">The report.</param>
/// <param name="Templates">The templates the run uses.</param>
/// <param name="Summary">The rendered <c>summary.md</c>.</param>
/// <param name="OutputFolder">Where the report files are (and <c>github-context.json</c> goes).</param>
/// <param name="ResultsRoot">The benchmark output folder, for file-anchored annotations.</param>
/// <param name="FailOn">The run's thresholds: findings they cover are errors, not warnings.</param>
/// <param name="Paths">Report paths by output name (<c>report-json</c>, <c>summary-md</c>, …); outputs give them relative to the workspace.</param>
/// <param name="Settings">What to publish.</param>
/// <param name="ContextFolder">The folder of a republished report, whose <c>github-context.json</c> names the pull request (the <c>workflow_run</c> recipe); null when triage ran here.</param>
public sealed record GitHubReportInput(
    TriageReport Report,
    TemplateSet Templates,
    string Summary,
    string OutputFolder,
    string ResultsRoot,
    FailOnPolicy FailOn,
    IReadOnlyDictionary<string, string> Paths,
    GitHubSettings Settings,
    string? ContextFolder = null);
