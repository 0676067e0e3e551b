using TriageCI.GitHub.Models;

namespace TriageCI.GitHub.Rest;

/// <summary>Comments on issues and pull requests (a pull request's conversation comments are issue comments).</summary>
public interface IIssueCommentsClient
{
    /// <summary><c>GET /repos/{owner}/{repo}/issues/{issue_number}/comments</c>, every page, oldest first.</summary>
    IAsyncEnumerable<IssueComment> ListAsync(RepositoryName repository, int issueNumber, CancellationToken cancellationToken);

    /// <summary><c>POST /repos/{owner}/{repo}/issues/{issue_number}/comments</c>.</summary>
    Task<IssueComment> CreateAsync(RepositoryName repository, int issueNumber, NewComment comment, CancellationToken cancellationToken);

    /// <summary><c>PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}</c>.</summary>
    Task<IssueComment> UpdateAsync(RepositoryName repository, long commentId, NewComment comment, CancellationToken cancellationToken);
}
