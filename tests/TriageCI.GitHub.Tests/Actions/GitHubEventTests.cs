using System.Text.Json.Nodes;
using TriageCI.GitHub.Actions;
using TriageCI.GitHub.Tests.Octokit;

namespace TriageCI.GitHub.Tests.Actions;

/// <summary>The event parsing, driven by GitHub's own example payloads (<c>@octokit/webhooks-examples</c>).</summary>
public class GitHubEventTests
{
    private static readonly Lazy<JsonArray> Examples = new(() => JsonNode.Parse(File.ReadAllText(OctokitData.PathOf("webhooks-examples/api.github.com/index.json")))!.AsArray());

    public static TheoryData<string, int> ExamplesOf() =>
        new(Examples.Value.SelectMany(e => e!["examples"]!.AsArray().Select((_, i) => (e!["name"]!.GetValue<string>(), i)))
            .Where(x => x.Item1 is "pull_request" or "push" or "workflow_dispatch" or "workflow_run")
            .Select(x => (x.Item1, x.i)));

    [Theory]
    [MemberData(nameof(ExamplesOf))]
    public void Every_example_payload_of_the_supported_events_is_read(string name, int index)
    {
        var payload = Example(name, index);
        using var temp = new TempFolder();
        var path = temp.Write("event.json", payload.ToJsonString());

        var parsed = GitHubEvent.Read(name, path);

        Assert.Equal(name, parsed.Name);
        switch (name)
        {
            case "pull_request":
                Assert.Equal(payload["pull_request"]!["number"]!.GetValue<int>(), parsed.PullRequest);
                Assert.Equal(payload["pull_request"]!["head"]!["sha"]!.GetValue<string>(), parsed.HeadSha);
                Assert.False(parsed.FromFork);
                break;
            case "push":
                Assert.Null(parsed.PullRequest);
                Assert.Equal(payload["after"]!.GetValue<string>(), parsed.HeadSha);
                break;
            case "workflow_run":
                Assert.Equal(payload["workflow_run"]!["head_sha"]!.GetValue<string>(), parsed.HeadSha);
                Assert.Equal(payload["workflow_run"]!["id"]!.GetValue<long>(), parsed.WorkflowRunId);
                Assert.Equal(payload["workflow_run"]!["pull_requests"]!.AsArray().Select(p => (int?)p!["number"]!.GetValue<int>()).FirstOrDefault(), parsed.PullRequest);
                break;
            default:
                Assert.Null(parsed.PullRequest);
                break;
        }
    }

    [Fact]
    public void The_workflow_run_example_that_lists_a_pull_request_names_it()
    {
        var index = Examples.Value.Single(e => e!["name"]!.GetValue<string>() == "workflow_run")!["examples"]!.AsArray()
            .Select((e, i) => (e, i)).Single(x => x.e!["workflow_run"]!["pull_requests"]!.AsArray().Count > 0).i;
        using var temp = new TempFolder();

        var parsed = GitHubEvent.Read("workflow_run", temp.Write("e.json", Example("workflow_run", index).ToJsonString()));

        Assert.Equal(2, parsed.PullRequest);
    }

    [Fact]
    public void A_pull_request_from_a_fork_is_told_apart()
    {
        var payload = Example("pull_request", 0);
        payload["pull_request"]!["head"]!["repo"]!["full_name"] = "someone-else/Hello-World";
        using var temp = new TempFolder();

        var parsed = GitHubEvent.Read("pull_request_target", temp.Write("e.json", payload.ToJsonString()));

        Assert.Equal((2, true), (parsed.PullRequest, parsed.FromFork));
    }

    [Fact]
    public void A_schedule_event_has_no_pull_request()
    {
        using var temp = new TempFolder();

        var parsed = GitHubEvent.Read("schedule", temp.Write("e.json", """{"schedule":"0 3 * * 1"}"""));

        Assert.Equal(("schedule", (int?)null), (parsed.Name, parsed.PullRequest));
    }

    [Fact]
    public void A_broken_event_file_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        var path = temp.Write("e.json", "{\"pull_request\": ");

        var ex = Assert.Throws<GitHubEventException>(() => GitHubEvent.Read("pull_request", path));

        Assert.StartsWith($"{path}: the event file of 'pull_request' is not valid JSON", ex.Message);
    }

    private static JsonNode Example(string name, int index) =>
        Examples.Value.Single(e => e!["name"]!.GetValue<string>() == name)!["examples"]!.AsArray()[index]!.DeepClone();
}
