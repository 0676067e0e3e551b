using System.Net;

namespace TriageCI.GitHub.Rest;

/// <summary>A primary or secondary rate limit would have needed a longer wait than allowed, or kept recurring.</summary>
public sealed class GitHubRateLimitException(HttpStatusCode status, string request, string? gitHubMessage, TimeSpan? wouldWait)
    : GitHubApiException(status, request, gitHubMessage + (wouldWait is { } w ? $" (the limit resets in {w.TotalSeconds:0} s, longer than the client waits)" : " (still limited after retries)"))
{
    /// <summary>How long GitHub asked to wait, where known.</summary>
    public TimeSpan? WouldWait { get; } = wouldWait;
}
