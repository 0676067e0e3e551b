using TriageCI.GitHub.Publishing;

namespace TriageCI.GitHub.Actions;

/// <summary>What to publish to GitHub, as given on the command line or as action inputs.</summary>
public sealed record GitHubSettings
{
    /// <summary>The token; null means nothing is written to GitHub (and the run says so).</summary>
    public string? Token { get; init; }

    public bool Comment { get; init; } = true;

    /// <summary>The sticky comment's key; null for <c>workflow/job/benchmark</c>.</summary>
    public string? CommentKey { get; init; }

    public bool Issues { get; init; } = true;

    public IReadOnlyList<string> IssueLabels { get; init; } = DefectIssueSettings.DefaultLabels;

    public int MaxIssues { get; init; } = 10;

    /// <summary>Render everything into the step summary, write nothing to GitHub.</summary>
    public bool DryRun { get; init; }

    /// <summary>A failed publish fails the run (exit 5) instead of only warning.</summary>
    public bool FailOnPublishError { get; init; }
}
