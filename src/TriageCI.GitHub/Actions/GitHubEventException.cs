namespace TriageCI.GitHub.Actions;

/// <summary>The event file cannot be read; the message names the file.</summary>
public sealed class GitHubEventException(string message, Exception? inner = null) : Exception(message, inner);
