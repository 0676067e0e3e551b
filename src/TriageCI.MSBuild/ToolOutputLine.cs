using System.Text.RegularExpressions;

namespace TriageCI.MSBuild;

/// <summary>
/// Tells the tool's own diagnostics apart from the rest of what it prints. Only lines in TriageCI's canonical form
/// become MSBuild warnings and errors; everything else (tables, progress, benchmark text quoted in them) stays a message,
/// so text from the benchmark cannot fail a build by looking like an error.
/// </summary>
internal static class ToolOutputLine
{
    private static readonly Regex Diagnostic = new(
        @"^(?:.+: (?:error|warning) TRIAGE\d{4}: |triage : error: )",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static bool IsDiagnostic(string line) => Diagnostic.IsMatch(line);
}
