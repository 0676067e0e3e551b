namespace TriageCI.MSBuild.Report;

/// <summary>The report cannot be used; the message says why, the caller names the file.</summary>
internal sealed class ReportReadException(string problem, Exception? inner = null) : Exception(problem, inner);
