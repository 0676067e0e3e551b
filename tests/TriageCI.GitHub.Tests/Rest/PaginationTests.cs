using System.Text.Json.Nodes;
using TriageCI.GitHub.Models;
using TriageCI.GitHub.Rest;
using TriageCI.GitHub.Tests.Fakes;
using TriageCI.GitHub.Tests.Octokit;
using TriageCI.GitHub.Tests.Support;

namespace TriageCI.GitHub.Tests.Rest;

public class PaginationTests
{
    private static readonly RepositoryName Repo = new("octo-org", "bench");

    [Fact]
    public async Task Lists_follow_the_link_header_through_every_page()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.MaxPageSize = 3;
        for (var i = 0; i < 10; i++)
        {
            fake.AddComment(5, $"comment {i}", FakeUser.Person);
        }

        var (client, _) = Clients.For(fake);
        var bodies = new List<string?>();
        await foreach (var comment in client.IssueComments.ListAsync(Repo, 5, TestContext.Current.CancellationToken))
        {
            bodies.Add(comment.Body);
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"comment {i}"), bodies);
        Assert.Equal(4, fake.Requests.Count);
        Assert.All(fake.Requests, r => Assert.Contains("per_page=100", r.Query));
    }

    [Fact]
    public async Task The_recorded_paginated_issue_list_of_the_real_api_is_read_page_by_page()
    {
        // @octokit/fixtures "paginate-issues": five pages recorded from api.github.com, Link headers and all.
        var exchanges = JsonNode.Parse(File.ReadAllText(OctokitData.PathOf("fixtures/scenarios/api.github.com/paginate-issues/normalized-fixture.json")))!.AsArray();
        await using var fake = await FakeGitHub.StartAsync();
        foreach (var exchange in exchanges)
        {
            var path = new Uri("https://api.github.com" + exchange!["path"]!.GetValue<string>()).AbsolutePath;
            var link = exchange["headers"]!["link"]!.GetValue<string>().Replace("https://api.github.com", fake.ApiUrl, StringComparison.Ordinal);
            fake.Fail("GET", "^" + System.Text.RegularExpressions.Regex.Escape(path) + "$", exchange["status"]!.GetValue<int>(), exchange["response"]!.ToJsonString(), new Dictionary<string, string> { ["Link"] = link });
        }

        var expected = exchanges.SelectMany(e => e!["response"]!.AsArray().Select(i => i!["number"]!.GetValue<int>())).ToList();
        using var connection = new GitHubConnection(new HttpClient(), new GitHubConnectionOptions { ApiUrl = fake.ApiUrl, Token = "bot-token" }, new RecordingClock());
        var numbers = new List<int>();
        await foreach (var issue in connection.GetAllAsync<GitHubIssue>("/repos/octokit-fixture-org/paginate-issues/issues", TestContext.Current.CancellationToken))
        {
            numbers.Add(issue.Number);
        }

        Assert.Equal(5, fake.Requests.Count);
        Assert.Equal(expected, numbers);
        Assert.Equal(13, numbers.Count);
    }

    [Fact]
    public async Task A_next_page_on_another_host_is_not_followed_and_the_token_goes_nowhere_else()
    {
        await using var fake = await FakeGitHub.StartAsync();
        await using var elsewhere = await FakeGitHub.StartAsync();
        fake.Fail("GET", "/comments$", 200, "[]", new Dictionary<string, string> { ["Link"] = $"<{elsewhere.ApiUrl}/repos/octo-org/bench/issues/5/comments?page=2>; rel=\"next\"" });
        var (client, _) = Clients.For(fake);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in client.IssueComments.ListAsync(Repo, 5, TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Contains("another host", ex.Message);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task Enterprise_server_paths_keep_the_api_prefix()
    {
        await using var fake = await FakeGitHub.StartAsync("/api/v3");
        fake.MaxPageSize = 2;
        for (var i = 0; i < 3; i++)
        {
            fake.AddComment(5, $"c{i}", FakeUser.Person);
        }

        var (client, _) = Clients.For(fake);
        var count = 0;
        await foreach (var _ in client.IssueComments.ListAsync(Repo, 5, TestContext.Current.CancellationToken))
        {
            count++;
        }

        Assert.Equal(3, count);
        Assert.Equal(2, fake.Requests.Count);
        Assert.All(fake.Requests, r => Assert.Equal("/repos/octo-org/bench/issues/5/comments", r.Path));
    }

    [Fact]
    public async Task Every_request_carries_the_token_the_media_type_and_the_api_version()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, _) = Clients.For(fake, "pat-token");

        await client.IssueComments.CreateAsync(Repo, 5, new NewComment("hello"), TestContext.Current.CancellationToken);

        var request = Assert.Single(fake.Requests);
        Assert.Equal("Bearer pat-token", request.Authorization);
        Assert.Equal("application/vnd.github+json", request.Accept);
        Assert.Equal("2022-11-28", request.ApiVersion);
        Assert.StartsWith("triageci-tests", request.UserAgent);
    }
}
