using System.Net;

namespace TriageCI.GitHub.Rest;

/// <summary>5xx from GitHub (or a proxy in front of it), after the retries the request allowed.</summary>
public sealed class GitHubServerException(HttpStatusCode status, string request, string? gitHubMessage)
    : GitHubApiException(status, request, gitHubMessage);
