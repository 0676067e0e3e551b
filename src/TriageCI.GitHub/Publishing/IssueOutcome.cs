namespace TriageCI.GitHub.Publishing;

/// <summary>What happened to the issue of one defective task.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Action"><c>created</c>, <c>updated</c>, <c>reopened</c>, <c>unchanged</c>, <c>left-closed</c> (a person closed it as not planned) or <c>over-cap</c> (not filed: the per-run cap was reached).</param>
/// <param name="Number">The issue number, when there is an issue.</param>
/// <param name="Url">The issue's page, when there is an issue.</param>
public sealed record IssueOutcome(string TaskId, string Action, int? Number = null, string? Url = null);
