using TriageCI.GitHub.Publishing;

namespace TriageCI.GitHub.Actions;

/// <summary>What <see cref="GitHubReporter"/> did.</summary>
/// <param name="Status">The <c>publish-status</c> output.</param>
/// <param name="Comment">The sticky comment, when written or found unchanged.</param>
/// <param name="Issues">One outcome per defective task.</param>
/// <param name="Problems">Publishing problems, already logged as warnings.</param>
public sealed record GitHubReportResult(string Status, CommentResult? Comment, IReadOnlyList<IssueOutcome> Issues, IReadOnlyList<string> Problems)
{
    public bool PublishFailed => Status is "failed" or "partial" or "read-only";
}
