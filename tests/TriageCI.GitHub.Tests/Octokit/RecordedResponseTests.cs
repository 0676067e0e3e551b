using System.Text.Json;
using System.Text.Json.Nodes;
using TriageCI.GitHub.Models;
using TriageCI.GitHub.Rest;

namespace TriageCI.GitHub.Tests.Octokit;

/// <summary>Responses recorded from the real API (<c>@octokit/fixtures</c>) and GitHub's own examples deserialize into the client's models.</summary>
public class RecordedResponseTests
{
    public static TheoryData<string> Scenarios() => new("paginate-issues", "labels", "add-labels-to-issue");

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Recorded_issue_and_label_responses_deserialize(string scenario)
    {
        var exchanges = JsonNode.Parse(File.ReadAllText(OctokitData.PathOf($"fixtures/scenarios/api.github.com/{scenario}/normalized-fixture.json")))!.AsArray();
        var read = 0;
        foreach (var exchange in exchanges)
        {
            var path = exchange!["path"]!.GetValue<string>().Split('?')[0];
            var response = exchange["response"]!;
            if (exchange["status"]!.GetValue<int>() >= 300 || response is not (JsonObject or JsonArray))
            {
                continue;
            }

            if (path.EndsWith("/issues", StringComparison.Ordinal) && response is JsonArray)
            {
                var issues = response.Deserialize<List<GitHubIssue>>(GitHubJson.Options)!;
                Assert.Equal(response.AsArray().Select(i => i!["number"]!.GetValue<int>()), issues.Select(i => i.Number));
                Assert.All(issues, i => Assert.Equal("open", i.State));
                Assert.All(issues, i => Assert.Equal("octokit-fixture-user-a", i.User!.Login));
            }
            else if (path.EndsWith("/issues", StringComparison.Ordinal))
            {
                var issue = response.Deserialize<GitHubIssue>(GitHubJson.Options)!;
                Assert.Equal(response["title"]!.GetValue<string>(), issue.Title);
                Assert.True(issue.IsOpen);
            }
            else if (path.Contains("/labels", StringComparison.Ordinal) && response is JsonArray)
            {
                var labels = response.Deserialize<List<GitHubLabel>>(GitHubJson.Options)!;
                Assert.Equal(response.AsArray().Select(l => l!["name"]!.GetValue<string>()), labels.Select(l => l.Name));
            }
            else if (path.Contains("/labels", StringComparison.Ordinal))
            {
                var label = response.Deserialize<GitHubLabel>(GitHubJson.Options)!;
                Assert.Equal(response["name"]!.GetValue<string>(), label.Name);
                Assert.Equal(response["color"]!.GetValue<string>(), label.Color);
            }
            else
            {
                continue;
            }

            read++;
        }

        Assert.True(read > 0, $"no response of {scenario} was read");
    }

    [Fact]
    public void The_openapi_examples_of_every_resource_the_client_reads_deserialize()
    {
        var spec = OpenApiSpec.GitHub;

        var comments = JsonSerializer.Deserialize<List<IssueComment>>(spec.Example("issue-comment-items"), GitHubJson.Options)!;
        var comment = JsonSerializer.Deserialize<IssueComment>(spec.Example("issue-comment"), GitHubJson.Options)!;
        var issue = JsonSerializer.Deserialize<GitHubIssue>(spec.Example("issue"), GitHubJson.Options)!;
        var issues = JsonSerializer.Deserialize<List<GitHubIssue>>(spec.Example("issue-items"), GitHubJson.Options)!;
        var pull = JsonSerializer.Deserialize<PullRequest>(spec.Example("pull-request"), GitHubJson.Options)!;
        var user = JsonSerializer.Deserialize<GitHubUser>(spec.Example("private-user"), GitHubJson.Options)!;
        var label = JsonSerializer.Deserialize<GitHubLabel>(spec.Example("label"), GitHubJson.Options)!;

        Assert.NotEmpty(comments);
        Assert.Equal(("Me too", "octocat", "User"), (comment.Body, comment.User!.Login, comment.User.Type));
        Assert.Equal(1347, issue.Number);
        Assert.NotEmpty(issue.Labels);
        Assert.NotEmpty(issues);
        Assert.Equal((1347, "octocat/Hello-World"), (pull.Number, pull.Head.Repo!.FullName));
        Assert.Equal("octocat", user.Login);
        Assert.Equal("bug", label.Name);
    }
}
