namespace TriageCI.GitHub.Models;

/// <summary>Body of <c>PATCH /repos/{owner}/{repo}/issues/{issue_number}</c>; null members are left unchanged.</summary>
public sealed record IssueUpdate(string? Title = null, string? Body = null, string? State = null, string? StateReason = null);
