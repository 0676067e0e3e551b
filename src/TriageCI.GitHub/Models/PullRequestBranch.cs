namespace TriageCI.GitHub.Models;

/// <summary>The head or base of a pull request: the commit, the branch and the repository it lives in.</summary>
public sealed record PullRequestBranch(string Sha, string Ref, GitHubRepository? Repo);
