using System.Text.Json;
using TriageCI.Core.Json;
using TriageCI.Core.Reports;

namespace TriageCI.GitHub.Actions;

/// <summary>
/// <c>github-context.json</c>, written beside the reports: which pull request and commit the run was about and the
/// comment key. The <c>workflow_run</c> recipe for fork pull requests reads it back from the report artifact, because
/// GitHub names no pull request in a <c>workflow_run</c> event that a fork triggered.
/// </summary>
public sealed record GitHubContextFile(int? PullRequest, string? HeadSha, string? CommentKey, string? Repository, string? RunUrl)
{
    public const string FileName = "github-context.json";

    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(Path.Combine(folder, FileName), (stream, ct) => JsonSerializer.SerializeAsync(stream, this, TriageJson.Options, ct), cancellationToken);
    }

    /// <summary>The file in <paramref name="folder"/>, or null when there is none or it is unreadable (a warning then).</summary>
    public static GitHubContextFile? TryRead(string folder, out string? problem)
    {
        problem = null;
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<GitHubContextFile>(File.ReadAllText(path), TriageJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            problem = $"{path}: cannot be read ({ex.Message})";
            return null;
        }
    }
}
