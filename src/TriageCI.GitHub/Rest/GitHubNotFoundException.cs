using System.Net;

namespace TriageCI.GitHub.Rest;

/// <summary>404: no such resource, or one the token may not see (GitHub answers 404 rather than reveal it).</summary>
public sealed class GitHubNotFoundException(string request, string? gitHubMessage, string? documentationUrl = null)
    : GitHubApiException(HttpStatusCode.NotFound, request, gitHubMessage, documentationUrl);
