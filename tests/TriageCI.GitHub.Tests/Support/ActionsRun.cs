using System.Text.Json.Nodes;
using TriageCI.Core.Diagnostics;
using TriageCI.Core.Reports;
using TriageCI.Core.Reports.Markdown;
using TriageCI.GitHub.Actions;
using TriageCI.GitHub.Rest;
using TriageCI.GitHub.Tests.Fakes;

namespace TriageCI.GitHub.Tests.Support;

/// <summary>
/// One workflow step as the runner sets it up: a workspace, an event file, the <c>GITHUB_OUTPUT</c> and
/// <c>GITHUB_STEP_SUMMARY</c> files and the <c>GITHUB_*</c> variables, over a scrubbed environment; the log is
/// captured. Tests read the files and the log back.
/// </summary>
internal sealed class ActionsRun : IDisposable
{
    private readonly TempFolder _temp = new();

    public ActionsRun(string eventName, JsonNode eventPayload, string? apiUrl = null)
    {
        Workspace = Directory.CreateDirectory(Path.Combine(_temp.Path, "workspace")).FullName;
        var files = Directory.CreateDirectory(Path.Combine(_temp.Path, "file_commands")).FullName;
        OutputPath = Path.Combine(files, "set_output");
        SummaryPath = Path.Combine(files, "step_summary");
        File.WriteAllText(OutputPath, string.Empty);
        File.WriteAllText(SummaryPath, string.Empty);
        var eventPath = Path.Combine(_temp.Path, "event.json");
        File.WriteAllText(eventPath, eventPayload.ToJsonString());
        Environment = new ScrubbedEnvironment(new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = "octo-org/bench",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_API_URL"] = apiUrl ?? "http://127.0.0.1:9",
            ["GITHUB_WORKFLOW"] = "Benchmark",
            ["GITHUB_JOB"] = "triage",
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_RUN_ATTEMPT"] = "1",
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_SHA"] = "ffac537e6cbbf934b08745a378932722df287a53",
            ["GITHUB_WORKSPACE"] = Workspace,
            ["GITHUB_OUTPUT"] = OutputPath,
            ["GITHUB_STEP_SUMMARY"] = SummaryPath,
            ["RUNNER_TEMP"] = _temp.Path,
        });
    }

    public string Workspace { get; }

    public string OutputPath { get; }

    public string SummaryPath { get; }

    public ScrubbedEnvironment Environment { get; }

    public StringWriter Log { get; } = new();

    public string Output => Path.Combine(Workspace, "triage-out");

    public static JsonNode PullRequestEvent(int number, string headSha = "ffac537e6cbbf934b08745a378932722df287a53", string headRepo = "octo-org/bench") => new JsonObject
    {
        ["action"] = "synchronize",
        ["number"] = number,
        ["pull_request"] = new JsonObject
        {
            ["number"] = number,
            ["head"] = new JsonObject { ["sha"] = headSha, ["repo"] = new JsonObject { ["full_name"] = headRepo } },
            ["base"] = new JsonObject { ["sha"] = "0000", ["repo"] = new JsonObject { ["full_name"] = "octo-org/bench" } },
        },
    };

    public ActionsEnvironment Actions() => new(Environment.Get, Log);

    /// <summary>Reports a finished triage the way <c>triage run</c> does after writing its files.</summary>
    public async Task<GitHubReportResult> ReportAsync(TriageReport report, GitHubSettings settings, FakeGitHub? fake = null, RecordingClock? clock = null, string? contextFolder = null)
    {
        var templates = TemplateSet.LoadDefaults();
        var files = await ReportWriter.WriteAsync(report, Output, templates, TestContext.Current.CancellationToken);
        var paths = new Dictionary<string, string> { ["report-json"] = files.Json, ["summary-md"] = files.Summary, ["rerun-txt"] = files.Rerun, ["curation-jsonl"] = Path.Combine(Output, "curation.jsonl") };
        var actions = Actions();
        var reporter = new GitHubReporter(actions, options => new GitHubClient(new GitHubConnection(new HttpClient(), options with { ApiUrl = fake?.ApiUrl ?? options.ApiUrl }, clock ?? new RecordingClock())));
        return await reporter.ReportAsync(
            new GitHubReportInput(report, templates, await File.ReadAllTextAsync(files.Summary, TestContext.Current.CancellationToken), Output, RepositoryPaths.SampleRun, FailOnPolicy.None, paths, settings, contextFolder),
            TestContext.Current.CancellationToken);
    }

    /// <summary>The outputs written so far, parsed from the <c>name&lt;&lt;DELIMITER</c> file-command format.</summary>
    public IReadOnlyDictionary<string, string> Outputs() => ParseOutputs(File.ReadAllText(OutputPath));

    public string Summary() => File.ReadAllText(SummaryPath);

    public static Dictionary<string, string> ParseOutputs(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var header = lines[i].Split("<<", 2);
            Assert.True(header.Length == 2, $"line {i + 1} of the output file is not name<<DELIMITER: {lines[i]}");
            var value = new List<string>();
            for (i++; lines[i] != header[1]; i++)
            {
                value.Add(lines[i]);
            }

            outputs[header[0]] = string.Join('\n', value);
        }

        return outputs;
    }

    public void Dispose() => _temp.Dispose();
}
