using System.CommandLine;

namespace TriageCI.Cli.Diagnostics;

/// <summary>The <c>--diagnostics</c> option, and the format a command line asks for even when it fails to parse.</summary>
public static class DiagnosticsOption
{
    public const string Name = "--diagnostics";

    private static readonly IReadOnlyDictionary<string, DiagnosticsFormat> Formats = new Dictionary<string, DiagnosticsFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = DiagnosticsFormat.None,
        ["msbuild"] = DiagnosticsFormat.MSBuild,
    };

    public static Option<string> Create()
    {
        var option = new Option<string>(Name)
        {
            Description = "Also print findings and problems as diagnostics with stable TRIAGE codes, for a build or CI log to pick up.",
            DefaultValueFactory = _ => "none",
        };
        option.AcceptOnlyFromAmong([.. Formats.Keys]);
        return option;
    }

    /// <summary>The format a value of the option names; the option accepts no other value.</summary>
    public static DiagnosticsFormat FormatOf(string? value) =>
        value is not null && Formats.TryGetValue(value, out var format) ? format : DiagnosticsFormat.None;

    /// <summary>
    /// The format named on a command line that may not have parsed: usage errors are printed in that format too, so a
    /// build that runs <c>triage</c> sees them as coded errors.
    /// </summary>
    public static DiagnosticsFormat Requested(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var option = parsed.CommandResult.Command.Options.FirstOrDefault(o => o.Name == Name);
        var tokens = option is null ? null : parsed.GetResult(option)?.Tokens;
        var token = tokens is { Count: > 0 } ? tokens[^1].Value : null;
        return FormatOf(token);
    }
}
