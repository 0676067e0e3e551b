namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>How the retry decorator retries transient endpoint errors (429, 408, 5xx, dropped connections).</summary>
public sealed record RetryOptions
{
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first backoff when the endpoint gives no <c>Retry-After</c>; it doubles each time, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A <c>Retry-After</c> longer than this is not waited for: the call fails instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
}
