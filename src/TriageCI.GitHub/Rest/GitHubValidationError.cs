namespace TriageCI.GitHub.Rest;

/// <summary>One entry of the <c>errors</c> array of a 422 answer.</summary>
public sealed record GitHubValidationError(string? Resource, string? Field, string? Code, string? Message);
