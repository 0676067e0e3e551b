using System.Net;

namespace TriageCI.GitHub.Rest;

/// <summary>
/// GitHub answered a request with an error. The message names the request (<c>POST /repos/o/r/issues</c>), the
/// status and GitHub's own message. Subclasses name the cases callers treat differently.
/// </summary>
public class GitHubApiException : Exception
{
    public GitHubApiException(HttpStatusCode status, string request, string? gitHubMessage, string? documentationUrl = null, Exception? inner = null)
        : base(Describe(status, request, gitHubMessage), inner)
    {
        Status = status;
        Request = request;
        GitHubMessage = gitHubMessage;
        DocumentationUrl = documentationUrl;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The method and path, e.g. <c>PATCH /repos/o/r/issues/comments/1</c> (never the host or the token).</summary>
    public string Request { get; }

    /// <summary>The <c>message</c> of GitHub's error body, if it sent one.</summary>
    public string? GitHubMessage { get; }

    public string? DocumentationUrl { get; }

    private static string Describe(HttpStatusCode status, string request, string? message) =>
        $"{request}: {(int)status} {status}{(string.IsNullOrWhiteSpace(message) ? string.Empty : ": " + message)}";
}
