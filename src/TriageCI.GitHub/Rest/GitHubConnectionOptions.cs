namespace TriageCI.GitHub.Rest;

/// <summary>How to reach GitHub and how patiently.</summary>
public sealed record GitHubConnectionOptions
{
    public const string DefaultApiUrl = "https://api.github.com";

    /// <summary><c>GITHUB_API_URL</c>: <c>https://api.github.com</c>, or <c>https://HOST/api/v3</c> on GitHub Enterprise Server.</summary>
    public string ApiUrl { get; init; } = DefaultApiUrl;

    /// <summary>Sent as <c>Authorization: Bearer</c>; never logged.</summary>
    public required string Token { get; init; }

    public string UserAgent { get; init; } = "triageci";

    /// <summary>The longest single wait for a rate limit; a limit that resets later fails the request at once.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a rate-limited request is tried again before giving up.</summary>
    public int MaxRateLimitRetries { get; init; } = 3;

    /// <summary>How often an idempotent request (GET, PATCH) is tried again after a 5xx.</summary>
    public int MaxServerErrorRetries { get; init; } = 2;

    /// <summary>GitHub asks integrations to leave at least a second between writes, to stay clear of secondary limits.</summary>
    public TimeSpan WriteSpacing { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait after a secondary rate limit without <c>Retry-After</c>; doubled on each repeat, as GitHub advises.</summary>
    public TimeSpan SecondaryLimitBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Lists are followed through at most this many pages, so a looping <c>Link</c> header cannot hang a run.</summary>
    public int MaxPages { get; init; } = 1000;
}
