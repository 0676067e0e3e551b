using System.Text;

namespace TriageCI.GitHub.Actions;

/// <summary>
/// GitHub Actions workflow commands written to the log: <c>::group::</c>, <c>::endgroup::</c> and annotations
/// (<c>::error file=…,line=…,title=…::message</c>). Values are escaped as the Actions toolkit does, so text from a
/// benchmark can neither end a command early nor start a new one on another line.
/// </summary>
public sealed class WorkflowCommands(TextWriter log)
{
    /// <summary>Annotation messages are capped; the step summary and the report hold the whole text.</summary>
    public const int MaxMessageChars = 1000;

    public void Group(string title) => Write("group", null, title);

    public void EndGroup() => Write("endgroup", null, string.Empty);

    /// <summary>Writes one annotation of <paramref name="level"/> (<c>error</c>, <c>warning</c> or <c>notice</c>).</summary>
    public void Annotate(string level, string message, string? title = null, string? file = null, int? line = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var properties = new List<(string, string)>();
        if (file is not null)
        {
            properties.Add(("file", file));
        }

        if (line is { } l)
        {
            properties.Add(("line", l.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (title is not null)
        {
            properties.Add(("title", title));
        }

        Write(level, properties, message.Length > MaxMessageChars ? message[..(MaxMessageChars - 1)] + "…" : message);
    }

    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
    }

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private void Write(string command, IReadOnlyList<(string Name, string Value)>? properties, string message)
    {
        var line = new StringBuilder("::").Append(command);
        if (properties is { Count: > 0 })
        {
            line.Append(' ').AppendJoin(',', properties.Select(p => $"{p.Name}={EscapeProperty(p.Value)}"));
        }

        line.Append("::").Append(EscapeData(message));
        log.WriteLine(line.ToString());
    }
}
