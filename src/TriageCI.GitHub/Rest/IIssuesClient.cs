using TriageCI.GitHub.Models;

namespace TriageCI.GitHub.Rest;

/// <summary>Repository issues. Lookups list by label rather than search: the search API is where secondary rate limits bite.</summary>
public interface IIssuesClient
{
    /// <summary><c>GET /repos/{owner}/{repo}/issues?labels={label}&amp;state=all</c>, every page; pull requests are left out.</summary>
    IAsyncEnumerable<GitHubIssue> ListByLabelAsync(RepositoryName repository, string label, CancellationToken cancellationToken);

    /// <summary><c>POST /repos/{owner}/{repo}/issues</c>.</summary>
    Task<GitHubIssue> CreateAsync(RepositoryName repository, NewIssue issue, CancellationToken cancellationToken);

    /// <summary><c>PATCH /repos/{owner}/{repo}/issues/{issue_number}</c>.</summary>
    Task<GitHubIssue> UpdateAsync(RepositoryName repository, int issueNumber, IssueUpdate update, CancellationToken cancellationToken);
}
