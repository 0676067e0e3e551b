using TriageCI.GitHub.Rest;
using TriageCI.GitHub.Tests.Fakes;

namespace TriageCI.GitHub.Tests.Support;

internal static class Clients
{
    private static readonly HttpClient Http = new();

    public static (GitHubClient Client, RecordingClock Clock) For(FakeGitHub fake, string token = "bot-token", Func<GitHubConnectionOptions, GitHubConnectionOptions>? configure = null)
    {
        var clock = new RecordingClock();
        var options = new GitHubConnectionOptions { ApiUrl = fake.ApiUrl, Token = token, UserAgent = "triageci-tests" };
        return (new GitHubClient(new GitHubConnection(Http, configure?.Invoke(options) ?? options, clock)), clock);
    }
}
