using System.Text;

namespace TriageCI.GitHub.Actions;

/// <summary>The job summary file (<c>GITHUB_STEP_SUMMARY</c>): GitHub refuses a step's summary above 1 MiB.</summary>
public static class StepSummary
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(false);

    public static int ByteCount(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Utf8.GetByteCount(markdown);
    }

    /// <summary>Appends <paramref name="markdown"/>; the caller has kept it within <see cref="MaxBytes"/> together with what the file already holds.</summary>
    public static void Append(string path, string markdown)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(markdown);
        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        if (existing + ByteCount(markdown) > MaxBytes)
        {
            throw new InvalidOperationException($"{path}: the step summary would exceed GitHub's {MaxBytes:N0}-byte limit.");
        }

        File.AppendAllText(path, markdown, Utf8);
    }
}
