namespace TriageCI.GitHub.Actions;

/// <summary>One output of the action: its name in <c>action.yml</c> and what it holds.</summary>
public sealed record ActionOutput(string Name, string Description);
