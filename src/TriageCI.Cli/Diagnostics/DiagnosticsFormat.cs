namespace TriageCI.Cli.Diagnostics;

/// <summary>How <c>triage run</c> prints its findings and problems, besides the human-readable output.</summary>
public enum DiagnosticsFormat
{
    /// <summary>Problems as <c>path: problem</c> on standard error; findings only in the reports.</summary>
    None,

    /// <summary>Findings and problems as MSBuild canonical diagnostics (<c>path(line): warning TRIAGE1003: …</c>).</summary>
    MSBuild,
}
