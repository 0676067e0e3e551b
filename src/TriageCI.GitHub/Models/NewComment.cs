namespace TriageCI.GitHub.Models;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/issues/{issue_number}/comments</c> and <c>PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}</c>.</summary>
public sealed record NewComment(string Body);
