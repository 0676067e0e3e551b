using System.Net;
using System.Text.Json.Nodes;
using TriageCI.GitHub.Models;
using TriageCI.GitHub.Rest;
using TriageCI.GitHub.Tests.Fakes;
using TriageCI.GitHub.Tests.Octokit;
using TriageCI.GitHub.Tests.Support;

namespace TriageCI.GitHub.Tests.Rest;

public class FaultTests
{
    private static readonly RepositoryName Repo = new("octo-org", "bench");

    [Fact]
    public async Task A_bad_token_is_an_authentication_error_naming_the_request()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, _) = Clients.For(fake, "expired-token");

        var ex = await Assert.ThrowsAsync<GitHubAuthenticationException>(() => client.IssueComments.CreateAsync(Repo, 5, new NewComment("x"), TestContext.Current.CancellationToken));

        Assert.Equal("POST /repos/octo-org/bench/issues/5/comments: 401 Unauthorized: Bad credentials", ex.Message);
        Assert.DoesNotContain("expired-token", ex.Message);
    }

    [Fact]
    public async Task A_read_only_token_is_forbidden_not_rate_limited()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, clock) = Clients.For(fake, "read-only-token");

        var ex = await Assert.ThrowsAsync<GitHubForbiddenException>(() => client.IssueComments.CreateAsync(Repo, 5, new NewComment("x"), TestContext.Current.CancellationToken));

        Assert.Equal("Resource not accessible by integration", ex.GitHubMessage);
        Assert.Empty(clock.Waits);
    }

    [Fact]
    public async Task A_missing_resource_is_not_found_and_a_missing_label_is_null()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, _) = Clients.For(fake);

        await Assert.ThrowsAsync<GitHubNotFoundException>(() => client.IssueComments.UpdateAsync(Repo, 424242, new NewComment("x"), TestContext.Current.CancellationToken));
        Assert.Null(await client.Labels.GetAsync(Repo, "no-such-label", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_validation_failure_recorded_from_the_real_api_keeps_its_field_errors()
    {
        // @octokit/fixtures "errors": creating a label with an invalid color, as api.github.com answered it.
        var exchange = JsonNode.Parse(File.ReadAllText(OctokitData.PathOf("fixtures/scenarios/api.github.com/errors/normalized-fixture.json")))!.AsArray()[0]!;
        await using var fake = await FakeGitHub.StartAsync();
        fake.Fail("POST", "/labels$", exchange["status"]!.GetValue<int>(), exchange["response"]!.ToJsonString());
        var (client, _) = Clients.For(fake);

        var ex = await Assert.ThrowsAsync<GitHubValidationException>(() => client.Labels.CreateAsync(Repo, new NewLabel("foo", "invalid"), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.Status);
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("Label", "color", "invalid"), (error.Resource, error.Field, error.Code));
        Assert.Contains("Validation Failed (Label color invalid)", ex.Message);
    }

    [Fact]
    public async Task A_502_on_a_read_is_retried()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.Fail("GET", "/comments$", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        var (client, clock) = Clients.For(fake);

        await foreach (var _ in client.IssueComments.ListAsync(Repo, 5, TestContext.Current.CancellationToken))
        {
        }

        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], clock.Waits);
    }

    [Fact]
    public async Task A_502_on_a_create_is_not_retried_so_nothing_is_created_twice()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.Fail("POST", "/comments$", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        var (client, _) = Clients.For(fake);

        var ex = await Assert.ThrowsAsync<GitHubServerException>(() => client.IssueComments.CreateAsync(Repo, 5, new NewComment("x"), TestContext.Current.CancellationToken));

        Assert.Single(fake.Requests);
        Assert.Contains("502 BadGateway: <html><body><h1>502 Bad Gateway</h1></body></html>", ex.Message);
    }

    [Fact]
    public async Task A_502_that_persists_on_a_read_fails_after_the_retries()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.Fail("GET", "/pulls/", 502, "{}", times: 5);
        var (client, clock) = Clients.For(fake);

        await Assert.ThrowsAsync<GitHubServerException>(() => client.PullRequests.GetAsync(Repo, 3, TestContext.Current.CancellationToken));

        Assert.Equal(3, fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], clock.Waits);
    }
}
