namespace TriageCI.GitHub.Models;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/issues</c>.</summary>
public sealed record NewIssue(string Title, string Body, IReadOnlyList<string> Labels);
