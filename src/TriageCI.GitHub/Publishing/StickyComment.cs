using TriageCI.GitHub.Models;
using TriageCI.GitHub.Rest;

namespace TriageCI.GitHub.Publishing;

/// <summary>
/// One comment per pull request and key, updated in place. The comment is found by its hidden marker among every
/// page of the pull request's comments written by the token's own identity. An unchanged body is not written again,
/// and when the lookup fails nothing is created (so a flaky list call can never duplicate the comment).
/// </summary>
public sealed class StickyComment(IIssueCommentsClient comments)
{
    public async Task<CommentResult> PublishAsync(RepositoryName repository, int pullRequest, string marker, string markdown, TokenIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marker);
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(identity);
        var body = Body(marker, markdown);

        // The whole lookup finishes before any write: an exception here leaves GitHub untouched.
        IssueComment? existing = null;
        await foreach (var comment in comments.ListAsync(repository, pullRequest, cancellationToken))
        {
            if (existing is null && identity.Authored(comment.User) && HiddenMarker.IsIn(comment.Body, marker))
            {
                existing = comment;
            }
        }

        if (existing is null)
        {
            var created = await comments.CreateAsync(repository, pullRequest, new NewComment(body), cancellationToken);
            return new CommentResult("created", created.Id, created.HtmlUrl);
        }

        if (Same(existing.Body, body))
        {
            return new CommentResult("unchanged", existing.Id, existing.HtmlUrl);
        }

        var updated = await comments.UpdateAsync(repository, existing.Id, new NewComment(body), cancellationToken);
        return new CommentResult("updated", updated.Id, updated.HtmlUrl);
    }

    /// <summary>The marker on its own first line, then the markdown.</summary>
    public static string Body(string marker, string markdown) => marker + "\n" + markdown;

    /// <summary>GitHub may hand a body back with CRLF line ends; that is no change.</summary>
    internal static bool Same(string? stored, string body) =>
        stored is not null && string.Equals(stored.ReplaceLineEndings("\n").TrimEnd(), body.ReplaceLineEndings("\n").TrimEnd(), StringComparison.Ordinal);
}
