namespace TriageCI.MSBuild;

/// <summary>
/// The TriageCI codes the task logs itself (the tool prints the others). The same codes, with the same meanings, as
/// <c>TriageCI.Core.Diagnostics.DiagnosticCodes</c>, which this assembly does not reference; a test keeps them equal.
/// </summary>
internal static class DiagnosticCodes
{
    public const string InvalidOption = "TRIAGE9003";
    public const string OutputFailed = "TRIAGE9004";
}
