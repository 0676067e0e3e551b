namespace TriageCI.MSBuild;

/// <summary>The files <c>triage run</c> writes into its output folder (a test keeps them equal to the tool's).</summary>
internal static class ReportFileNames
{
    public const string Report = "triage-report.json";
}
