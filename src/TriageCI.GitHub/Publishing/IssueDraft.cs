namespace TriageCI.GitHub.Publishing;

/// <summary>The issue one defective task would get: its title, hidden marker, body and this run's occurrence line.</summary>
public sealed record IssueDraft(string TaskId, string Title, string Marker, string Body, string Occurrence);
