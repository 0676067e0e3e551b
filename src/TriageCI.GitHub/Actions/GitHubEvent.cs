using System.Text.Json;

namespace TriageCI.GitHub.Actions;

/// <summary>
/// What TriageCI needs from the event that started the workflow: the pull request to comment on, if any, and whether
/// it comes from a fork (whose <c>GITHUB_TOKEN</c> is read-only). Supported: <c>pull_request</c>,
/// <c>pull_request_target</c>, <c>push</c>, <c>workflow_dispatch</c>, <c>schedule</c> and <c>workflow_run</c>
/// (whose pull request is named only for same-repository pull requests); any other event is read as one without a
/// pull request.
/// </summary>
/// <param name="Name">The event name, e.g. <c>pull_request</c>.</param>
/// <param name="PullRequest">The pull request number, where the event names one.</param>
/// <param name="HeadSha">The commit the run is about: the PR's head, the pushed commit, or the triggering run's head.</param>
/// <param name="FromFork">The pull request's head lives in another repository.</param>
/// <param name="WorkflowRunId">For <c>workflow_run</c>: the id of the run that triggered this one.</param>
public sealed record GitHubEvent(string Name, int? PullRequest, string? HeadSha, bool FromFork, long? WorkflowRunId = null)
{
    public static GitHubEvent None { get; } = new("none", null, null, false);

    /// <exception cref="GitHubEventException">The file is missing or its JSON is broken.</exception>
    public static GitHubEvent Read(string? name, string? path)
    {
        if (string.IsNullOrEmpty(name))
        {
            return None;
        }

        if (string.IsNullOrEmpty(path))
        {
            return new GitHubEvent(name, null, null, false);
        }

        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GitHubEventException($"{path}: the event file of '{name}' cannot be read ({ex.Message})", ex);
        }
        catch (JsonException ex)
        {
            throw new GitHubEventException($"{path}: the event file of '{name}' is not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new GitHubEventException($"{path}: the event file of '{name}' is not a JSON object");
            }

            return name switch
            {
                "pull_request" or "pull_request_target" or "pull_request_review" or "pull_request_review_comment" => FromPullRequest(name, root),
                "workflow_run" => FromWorkflowRun(root),
                "push" => new GitHubEvent(name, null, String(root, "after"), false),
                _ => new GitHubEvent(name, null, null, false),
            };
        }
    }

    private static GitHubEvent FromPullRequest(string name, JsonElement root)
    {
        if (!root.TryGetProperty("pull_request", out var pr) || pr.ValueKind != JsonValueKind.Object)
        {
            return new GitHubEvent(name, Number(root, "number"), null, false);
        }

        var head = Object(pr, "head");
        var baseBranch = Object(pr, "base");
        var headRepo = head is { } h ? Object(h, "repo") : null;
        var baseRepo = baseBranch is { } b ? Object(b, "repo") : null;
        var headName = headRepo is { } hr ? String(hr, "full_name") : null;
        var baseName = baseRepo is { } br ? String(br, "full_name") : null;

        // A deleted fork leaves head.repo null: still a fork.
        var fromFork = headName is null || !string.Equals(headName, baseName, StringComparison.OrdinalIgnoreCase);
        return new GitHubEvent(name, Number(pr, "number") ?? Number(root, "number"), head is { } hd ? String(hd, "sha") : null, fromFork);
    }

    private static GitHubEvent FromWorkflowRun(JsonElement root)
    {
        if (Object(root, "workflow_run") is not { } run)
        {
            return new GitHubEvent("workflow_run", null, null, false);
        }

        var headSha = String(run, "head_sha");
        // GitHub lists the open pull requests whose head matches the run; the one at the run's own commit comes first.
        int? number = null;
        if (run.TryGetProperty("pull_requests", out var prs) && prs.ValueKind == JsonValueKind.Array)
        {
            var listed = prs.EnumerateArray().Where(pr => pr.ValueKind == JsonValueKind.Object).ToList();
            var atHead = listed.FirstOrDefault(pr => Object(pr, "head") is { } head && headSha is not null && String(head, "sha") == headSha);
            number = Number(atHead.ValueKind == JsonValueKind.Object ? atHead : listed.FirstOrDefault(), "number");
        }

        var headRepo = Object(run, "head_repository") is { } hr ? String(hr, "full_name") : null;
        var repo = Object(run, "repository") is { } r ? String(r, "full_name") : null;
        var fromFork = headRepo is not null && repo is not null && !string.Equals(headRepo, repo, StringComparison.OrdinalIgnoreCase);
        return new GitHubEvent("workflow_run", number, headSha, fromFork, run.TryGetProperty("id", out var id) && id.TryGetInt64(out var runId) ? runId : null);
    }

    private static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
