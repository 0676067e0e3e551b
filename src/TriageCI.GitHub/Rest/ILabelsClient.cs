using TriageCI.GitHub.Models;

namespace TriageCI.GitHub.Rest;

public interface ILabelsClient
{
    /// <summary><c>GET /repos/{owner}/{repo}/labels/{name}</c>; null when the label does not exist.</summary>
    Task<GitHubLabel?> GetAsync(RepositoryName repository, string name, CancellationToken cancellationToken);

    /// <summary><c>POST /repos/{owner}/{repo}/labels</c>.</summary>
    Task<GitHubLabel> CreateAsync(RepositoryName repository, NewLabel label, CancellationToken cancellationToken);
}
