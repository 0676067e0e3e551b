namespace TriageCI.GitHub.Models;

/// <summary>The parts of a pull request (<c>pull-request</c> in GitHub's OpenAPI description) TriageCI checks.</summary>
public sealed record PullRequest(int Number, string State, PullRequestBranch Head, PullRequestBranch Base, string HtmlUrl);
