using System.Net;

namespace TriageCI.GitHub.Rest;

/// <summary>422: GitHub refused the request body; <see cref="Errors"/> holds its per-field complaints.</summary>
public sealed class GitHubValidationException(string request, string? gitHubMessage, IReadOnlyList<GitHubValidationError> errors, string? documentationUrl = null)
    : GitHubApiException(HttpStatusCode.UnprocessableEntity, request, Join(gitHubMessage, errors), documentationUrl)
{
    public IReadOnlyList<GitHubValidationError> Errors { get; } = errors;

    private static string? Join(string? message, IReadOnlyList<GitHubValidationError> errors) =>
        errors.Count == 0
            ? message
            : $"{message} ({string.Join("; ", errors.Select(e => string.Join(' ', new[] { e.Resource, e.Field, e.Code, e.Message }.Where(p => !string.IsNullOrEmpty(p)))))})";
}
