namespace TriageCI.GitHub.Models;

/// <summary>A user or bot as GitHub returns it inside comments, issues and <c>GET /user</c>.</summary>
/// <param name="Login">E.g. <c>octocat</c> or <c>github-actions[bot]</c>.</param>
/// <param name="Id">GitHub's numeric id.</param>
/// <param name="Type"><c>User</c>, <c>Bot</c> or <c>Organization</c>.</param>
public sealed record GitHubUser(string Login, long Id, string? Type = null)
{
    public bool IsBot => string.Equals(Type, "Bot", StringComparison.Ordinal);
}
