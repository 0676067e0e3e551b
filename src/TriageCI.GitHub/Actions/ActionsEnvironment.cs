namespace TriageCI.GitHub.Actions;

/// <summary>
/// The GitHub Actions environment as TriageCI reads it: the <c>GITHUB_*</c> variables of the runner, the event file,
/// the file commands (<c>GITHUB_OUTPUT</c>, <c>GITHUB_STEP_SUMMARY</c>) and the log that workflow commands go to.
/// Built over a variable lookup and a writer, so tests give it a dictionary and read the files and the log back.
/// </summary>
public sealed class ActionsEnvironment
{
    private readonly Func<string, string?> _variables;

    public ActionsEnvironment(Func<string, string?> variables, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(log);
        _variables = variables;
        Log = log;
        Commands = new WorkflowCommands(log);
    }

    /// <summary>The process's real environment, logging to <paramref name="log"/>.</summary>
    public static ActionsEnvironment FromProcess(TextWriter log) => new(Environment.GetEnvironmentVariable, log);

    public TextWriter Log { get; }

    public WorkflowCommands Commands { get; }

    /// <summary><c>GITHUB_ACTIONS=true</c>: running as a workflow step.</summary>
    public bool IsActions => string.Equals(Get("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public string? Repository => Get("GITHUB_REPOSITORY");

    public string ServerUrl => (Get("GITHUB_SERVER_URL") ?? "https://github.com").TrimEnd('/');

    /// <summary>The REST API root, <c>https://HOST/api/v3</c> on GitHub Enterprise Server.</summary>
    public string ApiUrl => (Get("GITHUB_API_URL") ?? Rest.GitHubConnectionOptions.DefaultApiUrl).TrimEnd('/');

    public string? Workflow => Get("GITHUB_WORKFLOW");

    public string? Job => Get("GITHUB_JOB");

    public string? RunId => Get("GITHUB_RUN_ID");

    public string? RunAttempt => Get("GITHUB_RUN_ATTEMPT");

    public string? EventName => Get("GITHUB_EVENT_NAME");

    public string? EventPath => Get("GITHUB_EVENT_PATH");

    public string? Sha => Get("GITHUB_SHA");

    /// <summary>Where the repository is checked out (<c>/github/workspace</c> inside a container action).</summary>
    public string? Workspace => Get("GITHUB_WORKSPACE");

    public string? OutputPath => Get("GITHUB_OUTPUT");

    public string? StepSummaryPath => Get("GITHUB_STEP_SUMMARY");

    /// <summary>The page of this workflow run (its summary and artifacts), or null outside Actions.</summary>
    public string? RunUrl => Repository is { } repo && RunId is { } id
        ? $"{ServerUrl}/{repo}/actions/runs/{id}" + (RunAttempt is { Length: > 0 } attempt && attempt != "1" ? $"/attempts/{attempt}" : string.Empty)
        : null;

    public string? Get(string name) => _variables(name) is { Length: > 0 } value ? value : null;

    /// <summary>The event that started the run, read from <c>GITHUB_EVENT_PATH</c>.</summary>
    /// <exception cref="GitHubEventException">The event file is missing or not the JSON GitHub writes.</exception>
    public GitHubEvent ReadEvent() => GitHubEvent.Read(EventName, EventPath);

    /// <summary>A path as later steps on the runner see it: relative to the workspace when inside it.</summary>
    public string ForRunner(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (Workspace is { } workspace)
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(workspace), full);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return relative.Replace('\\', '/');
            }
        }

        return full;
    }
}
