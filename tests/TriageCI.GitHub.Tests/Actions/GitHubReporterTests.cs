using System.Text.Json.Nodes;
using TriageCI.GitHub.Actions;
using TriageCI.GitHub.Tests.Fakes;
using TriageCI.GitHub.Tests.Support;

namespace TriageCI.GitHub.Tests.Actions;

public class GitHubReporterTests
{
    [Fact]
    public async Task Ten_runs_on_the_same_pull_request_leave_one_comment_and_one_issue_per_defective_task()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();
        for (var run = 1; run <= 10; run++)
        {
            using var actions = new ActionsRun("pull_request", ActionsRun.PullRequestEvent(7), fake.ApiUrl);
            actions.Environment.Set("GITHUB_RUN_ID", $"{1000 + run}");

            var result = await actions.ReportAsync(report with { GeneratedAt = report.GeneratedAt.AddHours(run) }, new GitHubSettings { Token = "bot-token" }, fake);

            Assert.Equal("published", result.Status);
            Assert.Equal(run == 1 ? "created" : "updated", result.Comment!.Action);
        }

        var comment = Assert.Single(fake.CommentsOn(7));
        Assert.StartsWith("<!-- triageci:comment Benchmark/triage/sample-tasks@1.0 -->\n## TriageCI: sample-tasks@1.0", comment.Body);
        Assert.Equal(4, fake.Issues.Count);
        Assert.All(fake.Issues, issue => Assert.Single(fake.Issues, other => other.Body.Split('\n')[0] == issue.Body.Split('\n')[0]));
        Assert.All(fake.Issues, issue => Assert.Equal(10, issue.Body.Split('\n').Count(l => l.Contains("[workflow run](https://github.com/octo-org/bench/actions/runs/10", StringComparison.Ordinal))));
        Assert.Equal(2, fake.Labels.Count);
    }

    [Fact]
    public async Task The_same_report_published_twice_writes_nothing_the_second_time()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();
        using (var first = new ActionsRun("pull_request", ActionsRun.PullRequestEvent(7), fake.ApiUrl))
        {
            await first.ReportAsync(report, new GitHubSettings { Token = "bot-token" }, fake);
        }

        var writes = fake.Requests.Count(r => r.Method != "GET");
        using var again = new ActionsRun("pull_request", ActionsRun.PullRequestEvent(7), fake.ApiUrl);
        var result = await again.ReportAsync(report, new GitHubSettings { Token = "bot-token" }, fake);

        Assert.Equal("unchanged", result.Comment!.Action);
        Assert.All(result.Issues, i => Assert.Equal("unchanged", i.Action));
        Assert.Equal(writes, fake.Requests.Count(r => r.Method != "GET"));
    }

    [Fact]
    public async Task Outputs_and_the_step_summary_tell_what_was_found_and_published()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();
        using var actions = new ActionsRun("pull_request", ActionsRun.PullRequestEvent(7), fake.ApiUrl);

        var result = await actions.ReportAsync(report, new GitHubSettings { Token = "bot-token" }, fake);

        var outputs = actions.Outputs();
        Assert.Equal(ActionOutputs.All.Select(o => o.Name), outputs.Keys);
        Assert.Equal("13", outputs["trials"]);
        Assert.Equal("4", outputs["task-defects"]);
        Assert.Equal("true", outputs["has-task-defects"]);
        Assert.Equal("0.0769", outputs["raw-score"]);
        Assert.Equal("0.125", outputs["adjusted-score"]);
        Assert.Equal(result.Comment!.Url, outputs["comment-url"]);
        Assert.Equal(string.Join(',', fake.Issues.Select(i => i.Number).Order()), string.Join(',', outputs["issue-numbers"].Split(',').Select(int.Parse).Order()));
        Assert.Equal("published", outputs["publish-status"]);
        Assert.Equal("triage-out/triage-report.json", outputs["report-json"]);
        Assert.Equal(1, JsonNode.Parse(outputs["counts"])!["task-defect/brittle-tests"]!.GetValue<int>());
        var summary = actions.Summary();
        Assert.StartsWith("## TriageCI: sample-tasks@1.0", summary);
        Assert.Contains("- Pull-request comment created: https://github.com/octo-org/bench/pull/7#issuecomment-", summary);
        Assert.Contains("::group::TriageCI: publish to GitHub", actions.Log.ToString());
        Assert.Contains("::warning file=", actions.Log.ToString());
        Assert.Contains("title=TRIAGE1003%3A task defect%3A brittle tests::", actions.Log.ToString());
        Assert.Equal(7, JsonNode.Parse(File.ReadAllText(Path.Combine(actions.Output, GitHubContextFile.FileName)))!["pull_request"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_read_only_token_degrades_to_the_summary_and_says_how_to_publish()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();
        using var actions = new ActionsRun("pull_request", ActionsRun.PullRequestEvent(7, headRepo: "fork-owner/bench"), fake.ApiUrl);

        var result = await actions.ReportAsync(report, new GitHubSettings { Token = "read-only-token" }, fake);

        Assert.Equal("read-only", result.Status);
        Assert.Empty(fake.Comments);
        Assert.Empty(fake.Issues);
        Assert.Contains("workflow_run", actions.Log.ToString());
        Assert.Contains("::warning title=TriageCI%3A publishing::the pull-request comment was not written", actions.Log.ToString());
        Assert.Contains("The token may not write to this repository", actions.Summary());
        Assert.Equal("read-only", actions.Outputs()["publish-status"]);
        Assert.True(File.Exists(Path.Combine(actions.Output, "triage-report.json")));
    }

    [Theory]
    [InlineData(401, """{"message":"Bad credentials"}""")]
    [InlineData(502, "<html>Bad Gateway</html>")]
    [InlineData(404, """{"message":"Not Found"}""")]
    [InlineData(422, """{"message":"Validation Failed","errors":[{"resource":"IssueComment","field":"body","code":"custom","message":"body is too long"}]}""")]
    public async Task A_failed_publish_is_a_warning_and_keeps_the_report(int status, string body)
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.Fail("POST", "/comments$", status, body);
        fake.Fail("GET", "/issues$", status, body, times: 3);
        var report = await TestReports.SampleRunAsync();
        using var actions = new ActionsRun("pull_request", ActionsRun.PullRequestEvent(7), fake.ApiUrl);

        var result = await actions.ReportAsync(report, new GitHubSettings { Token = "bot-token" }, fake);

        Assert.Equal("failed", result.Status);
        Assert.Equal(2, result.Problems.Count);
        Assert.Contains($"{status}", result.Problems[0]);
        Assert.Empty(fake.Issues);
        Assert.Contains("::warning title=TriageCI%3A publishing::", actions.Log.ToString());
        Assert.Equal("failed", actions.Outputs()["publish-status"]);
        Assert.StartsWith("## TriageCI", actions.Summary());
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_previews_the_comment_and_issues_in_the_summary()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();
        using var actions = new ActionsRun("pull_request", ActionsRun.PullRequestEvent(7), fake.ApiUrl);

        var result = await actions.ReportAsync(report, new GitHubSettings { Token = "bot-token", DryRun = true }, fake);

        Assert.Equal("dry-run", result.Status);
        Assert.Empty(fake.Requests);
        var summary = actions.Summary();
        Assert.Contains("Dry run: nothing was written to GitHub", summary);
        Assert.Contains("<summary>Pull-request comment (", summary);
        Assert.Equal(4, summary.Split("<summary>Issue: TriageCI: task ").Length - 1);
        Assert.Contains("```mermaid", summary);
    }

    [Fact]
    public async Task Without_a_token_nothing_is_published_and_a_notice_says_so()
    {
        var report = await TestReports.SampleRunAsync();
        using var actions = new ActionsRun("push", new JsonObject { ["after"] = "abc" });

        var result = await actions.ReportAsync(report, new GitHubSettings());

        Assert.Equal("no-token", result.Status);
        Assert.Contains("::notice title=TriageCI%3A not published::No GitHub token", actions.Log.ToString());
    }

    [Fact]
    public async Task A_push_files_issues_but_has_no_pull_request_to_comment_on()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var report = await TestReports.SampleRunAsync();
        using var actions = new ActionsRun("push", new JsonObject { ["after"] = "abc" }, fake.ApiUrl);

        var result = await actions.ReportAsync(report, new GitHubSettings { Token = "bot-token" }, fake);

        Assert.Equal("published", result.Status);
        Assert.Null(result.Comment);
        Assert.Empty(fake.Comments);
        Assert.Equal(4, fake.Issues.Count);
    }

    [Fact]
    public async Task The_workflow_run_recipe_comments_on_the_fork_pull_request_its_context_file_names_once_github_confirms_it()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.PullRequests[31] = "d0d0caca";
        var report = await TestReports.SampleRunAsync();
        using var artifact = new TempFolder();
        await new GitHubContextFile(31, "d0d0caca", "Benchmark/bench/sample-tasks@1.0", "octo-org/bench", null).WriteAsync(artifact.Path, TestContext.Current.CancellationToken);
        var workflowRun = new JsonObject
        {
            ["action"] = "completed",
            ["workflow_run"] = new JsonObject
            {
                ["id"] = 99,
                ["head_sha"] = "d0d0caca",
                ["pull_requests"] = new JsonArray(),
                ["head_repository"] = new JsonObject { ["full_name"] = "fork-owner/bench" },
                ["repository"] = new JsonObject { ["full_name"] = "octo-org/bench" },
            },
        };
        using var actions = new ActionsRun("workflow_run", workflowRun, fake.ApiUrl);

        var result = await actions.ReportAsync(report, new GitHubSettings { Token = "bot-token", Issues = false }, fake, contextFolder: artifact.Path);

        Assert.Equal("created", result.Comment!.Action);
        Assert.StartsWith("<!-- triageci:comment Benchmark/bench/sample-tasks@1.0 -->", Assert.Single(fake.CommentsOn(31)).Body);
    }

    [Fact]
    public async Task A_context_file_naming_a_pull_request_at_another_commit_is_refused()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.PullRequests[31] = "0ther5ha";
        var report = await TestReports.SampleRunAsync();
        using var artifact = new TempFolder();
        await new GitHubContextFile(31, "d0d0caca", null, null, null).WriteAsync(artifact.Path, TestContext.Current.CancellationToken);
        var workflowRun = new JsonObject { ["workflow_run"] = new JsonObject { ["id"] = 99, ["head_sha"] = "d0d0caca", ["pull_requests"] = new JsonArray() } };
        using var actions = new ActionsRun("workflow_run", workflowRun, fake.ApiUrl);

        var result = await actions.ReportAsync(report, new GitHubSettings { Token = "bot-token", Issues = false }, fake, contextFolder: artifact.Path);

        Assert.Null(result.Comment);
        Assert.Empty(fake.Comments);
        Assert.Contains("is not the commit the triggering run was about", Assert.Single(result.Problems));
    }
}
