namespace TriageCI.GitHub.Models;

/// <summary>A repository label (<c>label</c> in GitHub's OpenAPI description).</summary>
public sealed record GitHubLabel(string Name, string? Color = null, string? Description = null, long? Id = null);
