using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TriageCI.Core.IO;

namespace TriageCI.Core.Judges.Agent.Tools;

/// <summary>
/// Text access to one trial's own files: list, read by line range, grep. Every path goes through
/// <see cref="TrialFiles"/>; outputs are capped; problems come back as text for the model to act on.
/// </summary>
public sealed class ArtifactTools(TrialFiles files)
{
    public const int MaxReadLines = 300;
    public const int MaxOutputChars = 16_000;
    public const int MaxMatches = 80;

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    [Description("Lists the files this trial left behind: path (relative to the results folder), size, and kind where known.")]
    public string ListFiles()
    {
        var text = new StringBuilder();
        foreach (var (path, length, kind) in files.List())
        {
            text.Append(CultureInfo.InvariantCulture, $"{path}\t{length} bytes{(kind is { } k ? $"\t{k}" : string.Empty)}\n");
            if (text.Length > MaxOutputChars)
            {
                text.Append("[… list cut …]\n");
                break;
            }
        }

        return text.Length == 0 ? "No files." : text.ToString();
    }

    [Description("Reads lines of a trial file, numbered. At most 300 lines per call; long lines are cut.")]
    public async Task<string> ReadFileAsync(
        [Description("The file's path as list_files shows it.")] string path,
        [Description("First line to read, 1-based.")] int startLine = 1,
        [Description("Last line to read; at most startLine + 299.")] int? endLine = null,
        CancellationToken cancellationToken = default)
    {
        if (!files.TryResolve(path, out var full, out var problem))
        {
            return $"error: {problem}";
        }

        startLine = Math.Max(1, startLine);
        var last = Math.Min(endLine ?? startLine + MaxReadLines - 1, startLine + MaxReadLines - 1);
        if (last < startLine)
        {
            return "error: end_line is before start_line";
        }

        var text = new StringBuilder();
        var total = 0;
        await foreach (var line in TextFiles.ReadLinesAsync(full, 2_000, cancellationToken))
        {
            total = line.Number;
            if (line.Number < startLine || line.Number > last || text.Length > MaxOutputChars)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"{line.Number}: {line.Text}{(line.Truncated ? " [… line cut …]" : string.Empty)}\n");
        }

        if (total == 0)
        {
            return new FileInfo(full).Length == 0 ? $"{path} is empty." : $"{path} is binary or has no text lines.";
        }

        if (text.Length == 0)
        {
            return $"{path} has {total} lines; none in {startLine}-{last}.";
        }

        return text.Append(CultureInfo.InvariantCulture, $"[{path}: lines {startLine}-{Math.Min(last, total)} of {total}]\n").ToString();
    }

    [Description("Searches trial files for a regular expression (case-insensitive), line by line. Returns path:line: text for up to 80 matches.")]
    public async Task<string> GrepAsync(
        [Description("A .NET regular expression, e.g. 'Error|Traceback'.")] string pattern,
        [Description("Optional: one file's path; all trial files when omitted.")] string? path = null,
        CancellationToken cancellationToken = default)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException ex)
        {
            return $"error: not a valid regular expression ({ex.Message})";
        }

        List<string> targets;
        if (path is { Length: > 0 })
        {
            if (!files.TryResolve(path, out _, out var problem))
            {
                return $"error: {problem}";
            }

            targets = [path.Trim()];
        }
        else
        {
            targets = files.List().Select(f => f.Path).ToList();
        }

        var text = new StringBuilder();
        var matches = 0;
        foreach (var target in targets)
        {
            if (!files.TryResolve(target, out var full, out _))
            {
                continue;
            }

            await foreach (var line in TextFiles.ReadLinesAsync(full, 2_000, cancellationToken))
            {
                bool hit;
                try
                {
                    hit = regex.IsMatch(line.Text);
                }
                catch (RegexMatchTimeoutException)
                {
                    return text.Append("error: the pattern is too slow; simplify it\n").ToString();
                }

                if (!hit)
                {
                    continue;
                }

                if (++matches > MaxMatches || text.Length > MaxOutputChars)
                {
                    return text.Append(CultureInfo.InvariantCulture, $"[… more than {MaxMatches} matches or {MaxOutputChars} characters; narrow the pattern or the path …]\n").ToString();
                }

                text.Append(CultureInfo.InvariantCulture, $"{target}:{line.Number}: {TextCap.HeadTail(line.Text, 400)}\n");
            }
        }

        return matches == 0 ? "No match." : text.ToString();
    }
}
