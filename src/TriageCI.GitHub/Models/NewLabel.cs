namespace TriageCI.GitHub.Models;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/labels</c>; the color is six hex digits without <c>#</c>.</summary>
public sealed record NewLabel(string Name, string Color, string? Description = null);
