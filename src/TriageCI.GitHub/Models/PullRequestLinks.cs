namespace TriageCI.GitHub.Models;

/// <summary>The <c>pull_request</c> member that marks an issue-list entry as a pull request.</summary>
public sealed record PullRequestLinks(string? Url = null, string? HtmlUrl = null);
