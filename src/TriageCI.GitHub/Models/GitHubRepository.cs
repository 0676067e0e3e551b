namespace TriageCI.GitHub.Models;

/// <summary>The parts of a repository TriageCI reads.</summary>
public sealed record GitHubRepository(string FullName, bool Fork = false);
