using System.Globalization;
using TriageCI.Core.Diagnostics;

namespace TriageCI.Cli.Diagnostics;

/// <summary>
/// MSBuild's canonical diagnostic format, which MSBuild (and the TriageCI task) turns into real warnings and errors:
/// <c>path(line): warning TRIAGE1003: message</c>, <c>path: error TRIAGE9002: message</c>, or the tool's name where
/// no file is at fault (<c>triage : error TRIAGE9003: message</c>).
/// </summary>
public static class MSBuildDiagnostics
{
    /// <summary>The origin of a finding or problem that no file is to blame for.</summary>
    public const string ToolOrigin = "triage";

    public static string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var origin = diagnostic.File is null
            ? ToolOrigin
            : diagnostic.Line is { } line ? $"{diagnostic.File}({line.ToString(CultureInfo.InvariantCulture)})" : diagnostic.File;
        return Line(origin, diagnostic.Severity, diagnostic.Code.Code, diagnostic.Message);
    }

    /// <summary>A problem that stops the run: <paramref name="path"/> is the file at fault, or null for the tool itself.</summary>
    public static string Problem(DiagnosticCode code, string? path, string message)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Line(path ?? ToolOrigin, DiagnosticSeverity.Error, code.Code, message);
    }

    /// <summary>An error with no code of its own, such as a crossed <c>--fail-on</c> threshold that the findings above explain.</summary>
    public static string Error(string message) => Line(ToolOrigin, DiagnosticSeverity.Error, null, message);

    private static string Line(string origin, DiagnosticSeverity severity, string? code, string message)
    {
        // A tool as origin is written as MSBuild's own tools write it (CSC : error CS2001: ...).
        var separator = origin == ToolOrigin ? " : " : ": ";
        var category = severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            // MSBuild has no notice category: "info" keeps the line and code readable without making it a warning.
            _ => "info",
        };
        var codePart = code is null ? string.Empty : " " + code;
        return $"{origin}{separator}{category}{codePart}: {OneLine(message)}";
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
