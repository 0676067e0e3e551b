namespace TriageCI.Core.Reports.Markdown;

/// <summary>
/// What <c>defect-issue.md.hbs</c> sees: one task that TriageCI believes is defective, with every failed trial of it
/// judged a task defect. One issue is opened (or updated) per such task.
/// </summary>
public sealed record DefectIssueView
{
    public required string TaskId { get; init; }

    /// <summary>The class most of its defect verdicts name, e.g. <c>task-defect/brittle-tests</c>.</summary>
    public required string ClassId { get; init; }

    public required string ClassName { get; init; }

    /// <summary>The taxonomy's one-sentence definition of the class.</summary>
    public required string Definition { get; init; }

    /// <summary><c>1 trial</c>, <c>3 trials</c>.</summary>
    public required string Trials { get; init; }

    /// <summary>The task-defect verdicts of the task, ordered by trial id.</summary>
    public required IReadOnlyList<VerdictView> Verdicts { get; init; }

    /// <summary>The command that re-checks the verdict in a sandbox replica: <c>triage reproduce triage-report.json &lt;task&gt;</c>, the task shell-quoted.</summary>
    public required string Reproduce { get; init; }

    public required RunView Run { get; init; }

    public required string GeneratedAt { get; init; }

    public required string Tool { get; init; }
}
