using System.Text.Json.Nodes;
using TriageCI.GitHub.Tests.Fakes;

namespace TriageCI.GitHub.Tests.Support;

/// <summary>
/// The action as GitHub runs it: a workspace holding the benchmark output (the sample run), a pull_request event,
/// the file-command files, the <c>INPUT_*</c> variables the runner derives from <c>with:</c>, and GitHub's API played
/// by the fake. Used by the entrypoint test (a child process) and the container test (the built image).
/// </summary>
internal sealed class EntrypointScenario : IAsyncDisposable
{
    private readonly TempFolder _temp = new();

    private EntrypointScenario(FakeGitHub fake)
    {
        Fake = fake;
        Workspace = Directory.CreateDirectory(Path.Combine(_temp.Path, "workspace")).FullName;
        FileCommands = Directory.CreateDirectory(Path.Combine(_temp.Path, "file_commands")).FullName;
        CopyFolder(RepositoryPaths.SampleRun, Path.Combine(Workspace, "sample-run"));
        File.WriteAllText(Path.Combine(FileCommands, "set_output"), string.Empty);
        File.WriteAllText(Path.Combine(FileCommands, "step_summary"), string.Empty);
        File.WriteAllText(Path.Combine(FileCommands, "event.json"), ActionsRun.PullRequestEvent(7).ToJsonString());
    }

    public FakeGitHub Fake { get; }

    public string Workspace { get; }

    public string FileCommands { get; }

    public static async Task<EntrypointScenario> StartAsync() => new(await FakeGitHub.StartAsync());

    /// <summary>The step's variables, with the workspace and file commands where the entrypoint sees them.</summary>
    public Dictionary<string, string> Variables(string workspace, string fileCommands) => new()
    {
        ["CI"] = "true",
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_REPOSITORY"] = "octo-org/bench",
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_API_URL"] = Fake.ApiUrl,
        ["GITHUB_WORKFLOW"] = "Benchmark",
        ["GITHUB_JOB"] = "triage",
        ["GITHUB_RUN_ID"] = "4242",
        ["GITHUB_RUN_ATTEMPT"] = "1",
        ["GITHUB_EVENT_NAME"] = "pull_request",
        ["GITHUB_EVENT_PATH"] = $"{fileCommands}/event.json",
        ["GITHUB_SHA"] = "ffac537e6cbbf934b08745a378932722df287a53",
        ["GITHUB_WORKSPACE"] = workspace,
        ["GITHUB_OUTPUT"] = $"{fileCommands}/set_output",
        ["GITHUB_STEP_SUMMARY"] = $"{fileCommands}/step_summary",
        ["INPUT_RESULTS"] = "sample-run",
        ["INPUT_FORMAT"] = "auto",
        ["INPUT_OUT"] = "triage-out",
        ["INPUT_FAIL-ON"] = string.Empty,
        ["INPUT_GITHUB-TOKEN"] = "bot-token",
        ["INPUT_COMMENT"] = "true",
        ["INPUT_ISSUES"] = "true",
        ["INPUT_ISSUE-LABELS"] = "triageci,task-defect",
        ["INPUT_MAX-ISSUES"] = "10",
        ["INPUT_DRY-RUN"] = "false",
        ["INPUT_FAIL-ON-PUBLISH-ERROR"] = "false",
    };

    /// <summary>What a successful run of the action leaves behind.</summary>
    public void AssertPublished(int exit, string log)
    {
        Assert.True(exit == 0, $"exit {exit}:\n{log}");
        var outputs = ActionsRun.ParseOutputs(File.ReadAllText(Path.Combine(FileCommands, "set_output")));
        Assert.Equal("13", outputs["trials"]);
        Assert.Equal("4", outputs["task-defects"]);
        Assert.Equal("published", outputs["publish-status"]);
        Assert.Equal("triage-out/triage-report.json", outputs["report-json"]);
        Assert.True(File.Exists(Path.Combine(Workspace, "triage-out", "triage-report.json")));
        Assert.StartsWith("## TriageCI: sample-tasks@1.0", File.ReadAllText(Path.Combine(FileCommands, "step_summary")));
        var comment = Assert.Single(Fake.CommentsOn(7));
        Assert.Equal(comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), outputs["comment-url"].Split("issuecomment-")[1]);
        Assert.Equal(4, Fake.Issues.Count);
        Assert.Contains("::group::TriageCI: triage sample-run", log);
        Assert.Contains("title=TRIAGE1003%3A task defect%3A brittle tests::", log);
        Assert.False(log.Contains("\u001b]8;", StringComparison.Ordinal), "hyperlink escapes in the log: " + log[Math.Max(0, log.IndexOf("\u001b]8;", StringComparison.Ordinal) - 200)..]);
    }

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync();
        _temp.Dispose();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
