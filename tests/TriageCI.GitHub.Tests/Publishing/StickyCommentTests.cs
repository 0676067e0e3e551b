using TriageCI.GitHub.Publishing;
using TriageCI.GitHub.Rest;
using TriageCI.GitHub.Tests.Fakes;
using TriageCI.GitHub.Tests.Support;

namespace TriageCI.GitHub.Tests.Publishing;

public class StickyCommentTests
{
    private static readonly RepositoryName Repo = new("octo-org", "bench");
    private static readonly string Marker = HiddenMarker.For("comment", "Benchmark/triage/terminal-bench@2.0");
    private static readonly TokenIdentity Bot = new((string?)null);

    [Fact]
    public async Task The_comment_is_created_once_then_updated_in_place_and_left_alone_when_unchanged()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, _) = Clients.For(fake);
        var sticky = new StickyComment(client.IssueComments);

        var first = await sticky.PublishAsync(Repo, 7, Marker, "score 40%", Bot, TestContext.Current.CancellationToken);
        var second = await sticky.PublishAsync(Repo, 7, Marker, "score 55%", Bot, TestContext.Current.CancellationToken);
        var third = await sticky.PublishAsync(Repo, 7, Marker, "score 55%", Bot, TestContext.Current.CancellationToken);

        Assert.Equal(("created", "updated", "unchanged"), (first.Action, second.Action, third.Action));
        var comment = Assert.Single(fake.CommentsOn(7));
        Assert.Equal(first.Id, comment.Id);
        Assert.Equal(Marker + "\nscore 55%", comment.Body);
        Assert.Equal(1, comment.Edits);
        Assert.Equal(1, fake.Requests.Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task The_comment_is_found_on_a_later_page_of_a_long_conversation()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.MaxPageSize = 2;
        for (var i = 0; i < 5; i++)
        {
            fake.AddComment(7, $"review remark {i}", FakeUser.Person);
        }

        var ours = fake.AddComment(7, Marker + "\nold", new FakeUser("github-actions[bot]", 41898282, "Bot"));
        fake.AddComment(7, "later remark", FakeUser.Person);
        var (client, _) = Clients.For(fake);

        var result = await new StickyComment(client.IssueComments).PublishAsync(Repo, 7, Marker, "new", Bot, TestContext.Current.CancellationToken);

        Assert.Equal(("updated", ours.Id), (result.Action, result.Id));
        Assert.Equal(7, fake.CommentsOn(7).Count);
        Assert.Equal(4, fake.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task A_person_who_pastes_the_marker_does_not_get_their_comment_overwritten()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var pasted = fake.AddComment(7, "quoting the bot:\n" + Marker + "\nlooks wrong", FakeUser.Person);
        var (client, _) = Clients.For(fake);

        var result = await new StickyComment(client.IssueComments).PublishAsync(Repo, 7, Marker, "report", Bot, TestContext.Current.CancellationToken);

        Assert.Equal("created", result.Action);
        Assert.Equal("quoting the bot:\n" + Marker + "\nlooks wrong", pasted.Body);
        Assert.Equal(2, fake.CommentsOn(7).Count);
    }

    [Fact]
    public async Task A_personal_token_takes_only_its_own_comments()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var otherBot = fake.AddComment(7, Marker + "\nfrom another bot", FakeUser.OtherBot);
        var (client, _) = Clients.For(fake, "pat-token");
        var identity = await TokenIdentity.ResolveAsync(client.Users, TestContext.Current.CancellationToken);

        var result = await new StickyComment(client.IssueComments).PublishAsync(Repo, 7, Marker, "mine", identity, TestContext.Current.CancellationToken);

        Assert.Equal("octo-maintainer", identity.Login);
        Assert.Equal("created", result.Action);
        Assert.Equal(Marker + "\nfrom another bot", otherBot.Body);
    }

    [Fact]
    public async Task An_installation_token_is_recognised_as_a_bot()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, _) = Clients.For(fake, "bot-token");

        var identity = await TokenIdentity.ResolveAsync(client.Users, TestContext.Current.CancellationToken);

        Assert.Null(identity.Login);
        Assert.True(identity.Authored(new Models.GitHubUser("github-actions[bot]", 41898282, "Bot")));
        Assert.False(identity.Authored(new Models.GitHubUser("octocat", 1, "User")));
    }

    [Fact]
    public async Task When_the_lookup_fails_nothing_is_created()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.MaxPageSize = 1;
        fake.AddComment(7, "first", FakeUser.Person);
        fake.AddComment(7, Marker + "\nours, on page 2", new FakeUser("github-actions[bot]", 41898282, "Bot"));
        fake.Fail("GET", "/comments$", 502, "bad gateway", times: 1);
        fake.Fail("GET", "/comments$", 200, "[]", new Dictionary<string, string> { ["Link"] = "<" + "http://127.0.0.1:1/x" + ">; rel=\"next\"" });
        var (client, _) = Clients.For(fake, configure: o => o with { MaxServerErrorRetries = 0 });
        var sticky = new StickyComment(client.IssueComments);

        await Assert.ThrowsAsync<GitHubServerException>(() => sticky.PublishAsync(Repo, 7, Marker, "x", Bot, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<InvalidOperationException>(() => sticky.PublishAsync(Repo, 7, Marker, "x", Bot, TestContext.Current.CancellationToken));

        Assert.DoesNotContain(fake.Requests, r => r.Method != "GET");
        Assert.Equal(2, fake.CommentsOn(7).Count);
    }

    [Fact]
    public async Task Each_key_has_its_own_comment_and_no_key_is_a_prefix_of_another()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var (client, _) = Clients.For(fake);
        var sticky = new StickyComment(client.IssueComments);

        await sticky.PublishAsync(Repo, 7, HiddenMarker.For("comment", "wf/job/bench"), "a", Bot, TestContext.Current.CancellationToken);
        await sticky.PublishAsync(Repo, 7, HiddenMarker.For("comment", "wf/job/bench-2"), "b", Bot, TestContext.Current.CancellationToken);
        await sticky.PublishAsync(Repo, 7, HiddenMarker.For("comment", "wf/job/bench"), "a2", Bot, TestContext.Current.CancellationToken);

        Assert.Equal(["a2", "b"], fake.CommentsOn(7).Select(c => c.Body.Split('\n')[1]).Order());
    }

    [Fact]
    public void A_marker_key_cannot_end_the_html_comment()
    {
        var marker = HiddenMarker.For("comment", "evil --> <script>x</script> key");

        Assert.Equal("<!-- triageci:comment evil%20--%3E%20%3Cscript%3Ex%3C/script%3E%20key -->", marker);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(marker, "-->"));
    }
}
