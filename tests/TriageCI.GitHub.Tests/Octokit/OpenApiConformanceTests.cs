using System.Text.Json.Nodes;
using TriageCI.GitHub.Actions;
using TriageCI.GitHub.Tests.Fakes;
using TriageCI.GitHub.Tests.Support;

namespace TriageCI.GitHub.Tests.Octokit;

/// <summary>Every request the client makes is one GitHub's official OpenAPI description defines.</summary>
public class OpenApiConformanceTests
{
    [Fact]
    public async Task Every_request_of_a_full_publishing_cycle_matches_githubs_openapi_description()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.MaxPageSize = 2;
        fake.PullRequests[31] = "d0d0caca";
        var report = await TestReports.SampleRunAsync();

        // First run: labels created, issues opened, comment created; paged lists.
        using (var first = new ActionsRun("pull_request", ActionsRun.PullRequestEvent(7), fake.ApiUrl))
        {
            await first.ReportAsync(report, new GitHubSettings { Token = "bot-token" }, fake);
        }

        // One issue closed as fixed, one as not planned; the next run reopens, updates, comments on the reopened one.
        fake.Issues[0].State = "closed";
        fake.Issues[0].StateReason = "completed";
        fake.Issues[1].State = "closed";
        fake.Issues[1].StateReason = "not_planned";
        using (var second = new ActionsRun("pull_request", ActionsRun.PullRequestEvent(7), fake.ApiUrl))
        {
            await second.ReportAsync(report with { GeneratedAt = report.GeneratedAt.AddDays(1) }, new GitHubSettings { Token = "bot-token" }, fake);
        }

        // The fork recipe: the pull request named by the context file is checked.
        using var artifact = new TempFolder();
        await new GitHubContextFile(31, "d0d0caca", null, null, null).WriteAsync(artifact.Path, TestContext.Current.CancellationToken);
        using (var third = new ActionsRun("workflow_run", new JsonObject { ["workflow_run"] = new JsonObject { ["id"] = 1, ["head_sha"] = "d0d0caca", ["pull_requests"] = new JsonArray() } }, fake.ApiUrl))
        {
            await third.ReportAsync(report, new GitHubSettings { Token = "bot-token", Issues = false }, fake, contextFolder: artifact.Path);
        }

        var spec = OpenApiSpec.GitHub;
        var problems = fake.Requests.SelectMany(spec.Problems).Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));

        var used = fake.Requests.Select(r => $"{r.Method} {spec.TemplateOf(r.Path)}").ToHashSet();
        Assert.Equal(
            [
                "GET /repos/{owner}/{repo}/issues",
                "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
                "GET /repos/{owner}/{repo}/labels/{name}",
                "GET /repos/{owner}/{repo}/pulls/{pull_number}",
                "GET /user",
                "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
                "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
                "POST /repos/{owner}/{repo}/issues",
                "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
                "POST /repos/{owner}/{repo}/labels",
            ],
            used.Order(StringComparer.Ordinal));
        var reopen = fake.Requests.First(r => r.Method == "PATCH" && r.Body?["state"] is not null);
        Assert.True(spec.AllowsBodyValue("PATCH", reopen.Path, "state_reason", reopen.Body!["state_reason"]!.GetValue<string>()));
    }

    [Fact]
    public void The_checker_itself_catches_a_wrong_route_a_missing_field_and_an_unknown_member()
    {
        var spec = OpenApiSpec.GitHub;

        Assert.NotEmpty(spec.Problems(new RecordedRequest("POST", "/repos/o/r/issue", "", JsonNode.Parse("""{"title":"x"}"""), "", "", "", "")));
        Assert.NotEmpty(spec.Problems(new RecordedRequest("POST", "/repos/o/r/issues", "", JsonNode.Parse("""{"body":"x"}"""), "", "", "", "")));
        Assert.NotEmpty(spec.Problems(new RecordedRequest("POST", "/repos/o/r/labels", "", JsonNode.Parse("""{"name":"x","colour":"fff"}"""), "", "", "", "")));
        Assert.NotEmpty(spec.Problems(new RecordedRequest("GET", "/repos/o/r/issues", "?labelz=a", null, "", "", "", "")));
        Assert.Empty(spec.Problems(new RecordedRequest("GET", "/repos/o/r/issues", "?labels=a&state=all&per_page=100", null, "", "", "", "")));
    }
}
