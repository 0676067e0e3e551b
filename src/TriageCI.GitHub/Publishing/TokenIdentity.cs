using TriageCI.GitHub.Models;
using TriageCI.GitHub.Rest;

namespace TriageCI.GitHub.Publishing;

/// <summary>
/// Whose comments and issues TriageCI may take for its own. A personal or app-user token names its login
/// (<c>GET /user</c>). An installation token such as the Actions <c>GITHUB_TOKEN</c> cannot ask (GitHub answers 403);
/// it writes as a bot, so then only bot-authored items count: a person who pastes the marker into their own comment
/// can never have it overwritten.
/// </summary>
/// <param name="Login">The token's login, or null for "an installation token: any bot".</param>
public sealed record TokenIdentity(string? Login)
{
    public static async Task<TokenIdentity> ResolveAsync(IUsersClient users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        try
        {
            var user = await users.GetAuthenticatedAsync(cancellationToken);
            return new TokenIdentity(user.Login);
        }
        catch (GitHubForbiddenException)
        {
            return new TokenIdentity((string?)null);
        }
    }

    public bool Authored(GitHubUser? author) =>
        author is not null && (Login is null ? author.IsBot : string.Equals(author.Login, Login, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Login ?? "an installation token (bot)";
}
