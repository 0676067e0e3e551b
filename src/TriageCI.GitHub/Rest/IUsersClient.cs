using TriageCI.GitHub.Models;

namespace TriageCI.GitHub.Rest;

public interface IUsersClient
{
    /// <summary>
    /// <c>GET /user</c>: who the token belongs to. GitHub refuses this (403) for installation tokens such as the
    /// Actions <c>GITHUB_TOKEN</c>, which act as a bot.
    /// </summary>
    Task<GitHubUser> GetAuthenticatedAsync(CancellationToken cancellationToken);
}
