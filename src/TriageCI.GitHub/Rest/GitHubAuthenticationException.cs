using System.Net;

namespace TriageCI.GitHub.Rest;

/// <summary>401: the token is missing, expired or wrong.</summary>
public sealed class GitHubAuthenticationException(string request, string? gitHubMessage, string? documentationUrl = null)
    : GitHubApiException(HttpStatusCode.Unauthorized, request, gitHubMessage, documentationUrl);
