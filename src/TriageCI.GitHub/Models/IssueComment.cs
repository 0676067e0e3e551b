namespace TriageCI.GitHub.Models;

/// <summary>A comment on an issue or pull request (<c>issue-comment</c> in GitHub's OpenAPI description).</summary>
public sealed record IssueComment(long Id, string? Body, GitHubUser? User, string HtmlUrl, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
