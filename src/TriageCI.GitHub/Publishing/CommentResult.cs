namespace TriageCI.GitHub.Publishing;

/// <summary>What happened to the sticky comment.</summary>
/// <param name="Action"><c>created</c>, <c>updated</c> or <c>unchanged</c>.</param>
/// <param name="Id">The comment's id.</param>
/// <param name="Url">The comment's page.</param>
public sealed record CommentResult(string Action, long Id, string Url);
