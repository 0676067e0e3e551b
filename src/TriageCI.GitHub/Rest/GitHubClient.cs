using System.Runtime.CompilerServices;
using TriageCI.GitHub.Models;

namespace TriageCI.GitHub.Rest;

/// <summary>The REST client over one <see cref="GitHubConnection"/>. Thread-safe.</summary>
public sealed class GitHubClient : IGitHubClient, IIssueCommentsClient, IIssuesClient, ILabelsClient, IPullRequestsClient, IUsersClient
{
    private readonly GitHubConnection _connection;

    public GitHubClient(GitHubConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    public IIssueCommentsClient IssueComments => this;

    public IIssuesClient Issues => this;

    public ILabelsClient Labels => this;

    public IPullRequestsClient PullRequests => this;

    public IUsersClient Users => this;

    IAsyncEnumerable<IssueComment> IIssueCommentsClient.ListAsync(RepositoryName repository, int issueNumber, CancellationToken cancellationToken) =>
        _connection.GetAllAsync<IssueComment>($"{Repo(repository)}/issues/{issueNumber}/comments", cancellationToken);

    Task<IssueComment> IIssueCommentsClient.CreateAsync(RepositoryName repository, int issueNumber, NewComment comment, CancellationToken cancellationToken) =>
        _connection.PostAsync<IssueComment>($"{Repo(repository)}/issues/{issueNumber}/comments", comment, cancellationToken);

    Task<IssueComment> IIssueCommentsClient.UpdateAsync(RepositoryName repository, long commentId, NewComment comment, CancellationToken cancellationToken) =>
        _connection.PatchAsync<IssueComment>($"{Repo(repository)}/issues/comments/{commentId}", comment, cancellationToken);

    async IAsyncEnumerable<GitHubIssue> IIssuesClient.ListByLabelAsync(RepositoryName repository, string label, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(label);
        await foreach (var issue in _connection.GetAllAsync<GitHubIssue>($"{Repo(repository)}/issues?labels={Uri.EscapeDataString(label)}&state=all", cancellationToken))
        {
            if (issue.PullRequest is null)
            {
                yield return issue;
            }
        }
    }

    Task<GitHubIssue> IIssuesClient.CreateAsync(RepositoryName repository, NewIssue issue, CancellationToken cancellationToken) =>
        _connection.PostAsync<GitHubIssue>($"{Repo(repository)}/issues", issue, cancellationToken);

    Task<GitHubIssue> IIssuesClient.UpdateAsync(RepositoryName repository, int issueNumber, IssueUpdate update, CancellationToken cancellationToken) =>
        _connection.PatchAsync<GitHubIssue>($"{Repo(repository)}/issues/{issueNumber}", update, cancellationToken);

    async Task<GitHubLabel?> ILabelsClient.GetAsync(RepositoryName repository, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return await _connection.GetAsync<GitHubLabel>($"{Repo(repository)}/labels/{Uri.EscapeDataString(name)}", cancellationToken);
        }
        catch (GitHubNotFoundException)
        {
            return null;
        }
    }

    Task<GitHubLabel> ILabelsClient.CreateAsync(RepositoryName repository, NewLabel label, CancellationToken cancellationToken) =>
        _connection.PostAsync<GitHubLabel>($"{Repo(repository)}/labels", label, cancellationToken);

    Task<PullRequest> IPullRequestsClient.GetAsync(RepositoryName repository, int number, CancellationToken cancellationToken) =>
        _connection.GetAsync<PullRequest>($"{Repo(repository)}/pulls/{number}", cancellationToken);

    Task<GitHubUser> IUsersClient.GetAuthenticatedAsync(CancellationToken cancellationToken) =>
        _connection.GetAsync<GitHubUser>("/user", cancellationToken);

    private static string Repo(RepositoryName repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository.Route;
    }
}
