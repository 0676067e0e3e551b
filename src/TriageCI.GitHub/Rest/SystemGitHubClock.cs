namespace TriageCI.GitHub.Rest;

/// <summary>The real clock: waits really wait.</summary>
public sealed class SystemGitHubClock : IGitHubClock
{
    public static SystemGitHubClock Instance { get; } = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
