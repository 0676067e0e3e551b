using System.Text.Json.Nodes;

namespace TriageCI.GitHub.Tests.Fakes;

/// <summary>A token the fake knows: who it is, whether it is an installation token (no <c>GET /user</c>), whether it may write.</summary>
public sealed record FakeToken(FakeUser User, bool Installation = false, bool ReadOnly = false);

public sealed record FakeUser(string Login, long Id, string Type)
{
    public static FakeUser Person { get; } = new("octocat", 583231, "User");

    public static FakeUser OtherBot { get; } = new("renovate[bot]", 29139614, "Bot");

    public JsonObject ToJson() => new() { ["login"] = Login, ["id"] = Id, ["node_id"] = "MDQ6VXNlcjE=", ["type"] = Type, ["site_admin"] = false };
}

public sealed class FakeComment(long id, int issueNumber, string body, FakeUser author)
{
    public long Id { get; } = id;

    public int IssueNumber { get; } = issueNumber;

    public string Body { get; set; } = body;

    public FakeUser Author { get; } = author;

    public int Edits { get; set; }

    public JsonObject ToJson(string api) => new()
    {
        ["id"] = Id,
        ["node_id"] = "IC_kwDOA",
        ["url"] = $"{api}/repos/octo-org/bench/issues/comments/{Id}",
        ["html_url"] = $"https://github.com/octo-org/bench/pull/{IssueNumber}#issuecomment-{Id}",
        ["body"] = Body,
        ["user"] = Author.ToJson(),
        ["created_at"] = "2025-08-16T09:30:00Z",
        ["updated_at"] = "2025-08-16T09:30:00Z",
        ["issue_url"] = $"{api}/repos/octo-org/bench/issues/{IssueNumber}",
        ["author_association"] = "NONE",
    };
}

public sealed class FakeIssue(int number, string title, string body, FakeUser author)
{
    public int Number { get; } = number;

    public string Title { get; set; } = title;

    public string Body { get; set; } = body;

    public FakeUser Author { get; } = author;

    public List<string> Labels { get; } = [];

    public string State { get; set; } = "open";

    public string? StateReason { get; set; }

    public int Edits { get; set; }

    public JsonObject ToJson(string api, IReadOnlyList<FakeLabel> known) => new()
    {
        ["id"] = 100_000 + Number,
        ["number"] = Number,
        ["title"] = Title,
        ["body"] = Body,
        ["state"] = State,
        ["state_reason"] = StateReason,
        ["labels"] = new JsonArray(Labels.Select(l => (JsonNode)(known.FirstOrDefault(k => k.Name == l) ?? new FakeLabel(1, l, "ededed", null)).ToJson(api)).ToArray()),
        ["user"] = Author.ToJson(),
        ["url"] = $"{api}/repos/octo-org/bench/issues/{Number}",
        ["html_url"] = $"https://github.com/octo-org/bench/issues/{Number}",
        ["locked"] = false,
        ["comments"] = 0,
        ["created_at"] = "2025-08-16T09:30:00Z",
        ["updated_at"] = "2025-08-16T09:30:00Z",
    };
}

public sealed record FakeLabel(long Id, string Name, string Color, string? Description)
{
    public JsonObject ToJson(string api) => new()
    {
        ["id"] = Id,
        ["node_id"] = "LA_kwDOA",
        ["url"] = $"{api}/repos/octo-org/bench/labels/{Uri.EscapeDataString(Name)}",
        ["name"] = Name,
        ["color"] = Color,
        ["description"] = Description,
        ["default"] = false,
    };
}

/// <summary>One request as the fake received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, JsonNode? Body, string Authorization, string Accept, string ApiVersion, string UserAgent);
