using System.Net;

namespace TriageCI.GitHub.Rest;

/// <summary>
/// 403 that is not a rate limit: the token may not do this, typically a read-only <c>GITHUB_TOKEN</c> on a pull request
/// from a fork ("Resource not accessible by integration"), or a workflow without the needed <c>permissions:</c>.
/// </summary>
public sealed class GitHubForbiddenException(string request, string? gitHubMessage, string? documentationUrl = null)
    : GitHubApiException(HttpStatusCode.Forbidden, request, gitHubMessage, documentationUrl);
