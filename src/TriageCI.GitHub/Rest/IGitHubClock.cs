namespace TriageCI.GitHub.Rest;

/// <summary>
/// Time for the client's rate-limit handling: what time it is and how to wait. Tests pass a clock that records the
/// waits and advances at once, so no test sleeps. Implementations must be thread-safe.
/// </summary>
public interface IGitHubClock
{
    DateTimeOffset UtcNow { get; }

    Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken);
}
