using System.Globalization;
using TriageCI.GitHub.Models;
using TriageCI.GitHub.Rest;
using TriageCI.GitHub.Tests.Fakes;
using TriageCI.GitHub.Tests.Support;

namespace TriageCI.GitHub.Tests.Rest;

/// <summary>Rate limits as GitHub documents them; waits go through a recording clock, so nothing here sleeps.</summary>
public class RateLimitTests
{
    private const string Secondary = """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}""";
    private static readonly RepositoryName Repo = new("octo-org", "bench");

    [Fact]
    public async Task A_spent_primary_limit_waits_until_the_reset_time()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, clock) = Clients.For(fake);
        var reset = clock.UtcNow.AddSeconds(30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        fake.Fail("GET", "/comments$", 403, """{"message":"API rate limit exceeded for installation ID 1."}""", new Dictionary<string, string> { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = reset });

        var comments = await ListAsync(client);

        Assert.Empty(comments);
        Assert.Equal([TimeSpan.FromSeconds(31)], clock.Waits);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task A_secondary_limit_waits_as_long_as_retry_after_says()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, clock) = Clients.For(fake);
        fake.Fail("POST", "/comments$", 403, Secondary, new Dictionary<string, string> { ["retry-after"] = "7" });

        var created = await client.IssueComments.CreateAsync(Repo, 5, new NewComment("x"), TestContext.Current.CancellationToken);

        Assert.Equal("x", created.Body);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Waits);
        Assert.Single(fake.CommentsOn(5));
    }

    [Fact]
    public async Task A_secondary_limit_without_retry_after_waits_a_minute_then_doubles()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, clock) = Clients.For(fake);
        fake.Fail("GET", "/comments$", 403, Secondary, times: 2);

        await ListAsync(client);

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)], clock.Waits);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task A_429_without_headers_is_a_secondary_limit()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, clock) = Clients.For(fake);
        fake.Fail("GET", "/comments$", 429, "{}");

        await ListAsync(client);

        Assert.Equal([TimeSpan.FromMinutes(1)], clock.Waits);
    }

    [Fact]
    public async Task A_limit_that_keeps_coming_back_gives_up_with_a_typed_error()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, clock) = Clients.For(fake, configure: o => o with { MaxRateLimitWait = TimeSpan.FromMinutes(30) });
        fake.Fail("GET", "/comments$", 403, Secondary, times: 10);

        var ex = await Assert.ThrowsAsync<GitHubRateLimitException>(() => ListAsync(client));

        Assert.Equal(3, clock.Waits.Count);
        Assert.Contains("secondary rate limit", ex.Message);
    }

    [Fact]
    public async Task A_reset_further_away_than_the_client_waits_fails_at_once()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, clock) = Clients.For(fake);
        var reset = clock.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        fake.Fail("GET", "/comments$", 403, """{"message":"API rate limit exceeded"}""", new Dictionary<string, string> { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = reset });

        var ex = await Assert.ThrowsAsync<GitHubRateLimitException>(() => ListAsync(client));

        Assert.Empty(clock.Waits);
        Assert.Equal(TimeSpan.FromHours(1).Add(TimeSpan.FromSeconds(1)), ex.WouldWait);
    }

    [Fact]
    public async Task A_response_that_spends_the_budget_makes_the_next_request_wait_for_the_reset()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, clock) = Clients.For(fake);
        var reset = clock.UtcNow.AddSeconds(10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        fake.Fail("GET", "/comments$", 200, "[]", new Dictionary<string, string> { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = reset });

        await ListAsync(client);
        Assert.Empty(clock.Waits);
        await ListAsync(client);

        Assert.Equal([TimeSpan.FromSeconds(10)], clock.Waits);
    }

    [Fact]
    public async Task Writes_are_spaced_a_second_apart_and_reads_are_not()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, clock) = Clients.For(fake);

        await ListAsync(client);
        await ListAsync(client);
        await client.IssueComments.CreateAsync(Repo, 5, new NewComment("a"), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMilliseconds(400));
        await client.IssueComments.CreateAsync(Repo, 5, new NewComment("b"), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(5));
        await client.IssueComments.CreateAsync(Repo, 5, new NewComment("c"), TestContext.Current.CancellationToken);

        Assert.Equal([TimeSpan.FromMilliseconds(600)], clock.Waits);
    }

    private static async Task<List<IssueComment>> ListAsync(GitHubClient client)
    {
        var list = new List<IssueComment>();
        await foreach (var comment in client.IssueComments.ListAsync(Repo, 5, TestContext.Current.CancellationToken))
        {
            list.Add(comment);
        }

        return list;
    }
}
