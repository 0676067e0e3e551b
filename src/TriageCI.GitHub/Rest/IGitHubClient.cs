namespace TriageCI.GitHub.Rest;

/// <summary>The few GitHub REST resources TriageCI uses, one small interface each, so a real library could stand in.</summary>
public interface IGitHubClient
{
    IIssueCommentsClient IssueComments { get; }

    IIssuesClient Issues { get; }

    ILabelsClient Labels { get; }

    IPullRequestsClient PullRequests { get; }

    IUsersClient Users { get; }
}
