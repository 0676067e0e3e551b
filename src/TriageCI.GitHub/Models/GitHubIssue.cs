namespace TriageCI.GitHub.Models;

/// <summary>An issue (<c>issue</c> in GitHub's OpenAPI description). Repository issue lists include pull requests; those carry <see cref="PullRequest"/>.</summary>
/// <param name="Number">The issue number in its repository.</param>
/// <param name="Title">The title; never used to find an issue again.</param>
/// <param name="Body">The markdown body; TriageCI's issues carry their hidden key here.</param>
/// <param name="State"><c>open</c> or <c>closed</c>.</param>
/// <param name="StateReason"><c>completed</c>, <c>not_planned</c>, <c>reopened</c>, <c>duplicate</c> or null.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="User">Who opened it.</param>
/// <param name="HtmlUrl">Its page.</param>
/// <param name="PullRequest">Set when the "issue" is a pull request.</param>
public sealed record GitHubIssue(
    int Number,
    string Title,
    string? Body,
    string State,
    string? StateReason,
    IReadOnlyList<GitHubLabel> Labels,
    GitHubUser? User,
    string HtmlUrl,
    PullRequestLinks? PullRequest = null)
{
    public bool IsOpen => string.Equals(State, "open", StringComparison.Ordinal);

    /// <summary>A person closed it as "not planned": TriageCI leaves it alone.</summary>
    public bool IsClosedAsNotPlanned => !IsOpen && string.Equals(StateReason, "not_planned", StringComparison.Ordinal);
}
