namespace TriageCI.GitHub.Tests.Action;

/// <summary>One input as <c>action.yml</c> declares it.</summary>
internal sealed record ActionInputEntry(string Name, string Description, bool Required, string? Default);
