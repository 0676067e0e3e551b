using TriageCI.GitHub.Models;

namespace TriageCI.GitHub.Rest;

public interface IPullRequestsClient
{
    /// <summary><c>GET /repos/{owner}/{repo}/pulls/{pull_number}</c>.</summary>
    Task<PullRequest> GetAsync(RepositoryName repository, int number, CancellationToken cancellationToken);
}
