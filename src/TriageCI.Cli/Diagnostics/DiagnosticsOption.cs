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

    public static Option<DiagnosticsFormat> Create()
    {
        return new Option<DiagnosticsFormat>(Name)
        {
            Description = $"Also print findings and problems as diagnostics with stable TRIAGE codes: {string.Join(", ", Formats.Keys)}.",
            DefaultValueFactory = _ => DiagnosticsFormat.None,
            CustomParser = result => Formats.TryGetValue(result.Tokens[0].Value, out var format)
                ? format
                : Fail(result, $"{Name} '{result.Tokens[0].Value}' is not one of: {string.Join(", ", Formats.Keys)}."),
        };
    }

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
        return token is not null && Formats.TryGetValue(token, out var format) ? format : DiagnosticsFormat.None;
    }

    private static DiagnosticsFormat Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return DiagnosticsFormat.None;
    }
}
