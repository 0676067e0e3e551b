using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TriageCI.GitHub.Tests.Fakes;

/// <summary>
/// A loopback HTTP server (Kestrel on 127.0.0.1) that behaves like the parts of GitHub's REST API TriageCI uses, with
/// state: comments, issues, labels, pull requests and tokens. Lists are paged with <c>Link</c> headers; faults and
/// rate limits are served on demand; every request is recorded so tests can check it against GitHub's OpenAPI
/// description.
/// </summary>
public sealed partial class FakeGitHub : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly WebApplication _app;
    private readonly List<Fault> _faults = [];
    private long _nextId = 1000;

    private FakeGitHub(WebApplication app, string prefix)
    {
        _app = app;
        Prefix = prefix;
    }

    /// <summary>The API root to give the client, e.g. <c>http://127.0.0.1:5123</c> (or <c>…/api/v3</c>, as on GitHub Enterprise Server).</summary>
    public string ApiUrl { get; private set; } = string.Empty;

    public string Prefix { get; }

    /// <summary>The most items a page holds, whatever <c>per_page</c> asks (GitHub's is 100); small values force many pages.</summary>
    public int MaxPageSize { get; set; } = 100;

    public Dictionary<string, FakeToken> Tokens { get; } = new(StringComparer.Ordinal);

    public List<FakeComment> Comments { get; } = [];

    public List<FakeIssue> Issues { get; } = [];

    public List<FakeLabel> Labels { get; } = [];

    public Dictionary<int, string> PullRequests { get; } = [];

    public List<RecordedRequest> Requests { get; } = [];

    public static async Task<FakeGitHub> StartAsync(string prefix = "")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGitHub(app, prefix);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.ApiUrl = app.Urls.Single() + prefix;
        fake.Tokens["bot-token"] = new FakeToken(new FakeUser("github-actions[bot]", 41898282, "Bot"), Installation: true);
        fake.Tokens["pat-token"] = new FakeToken(new FakeUser("octo-maintainer", 7, "User"));
        fake.Tokens["read-only-token"] = new FakeToken(new FakeUser("github-actions[bot]", 41898282, "Bot"), Installation: true, ReadOnly: true);
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The next <paramref name="times"/> requests matching <paramref name="method"/> and the path pattern get this answer instead.</summary>
    public void Fail(string method, string pathPattern, int status, string body, IReadOnlyDictionary<string, string>? headers = null, int times = 1)
    {
        lock (_gate)
        {
            _faults.Add(new Fault(method, new Regex(pathPattern, RegexOptions.None, TimeSpan.FromSeconds(1)), status, body, headers ?? new Dictionary<string, string>(), times));
        }
    }

    public IReadOnlyList<FakeComment> CommentsOn(int number)
    {
        lock (_gate)
        {
            return Comments.Where(c => c.IssueNumber == number).ToList();
        }
    }

    public FakeComment AddComment(int issueNumber, string body, FakeUser author)
    {
        lock (_gate)
        {
            var comment = new FakeComment(++_nextId, issueNumber, body, author);
            Comments.Add(comment);
            return comment;
        }
    }

    public FakeIssue AddIssue(string title, string body, FakeUser author, IEnumerable<string> labels, string state = "open", string? stateReason = null)
    {
        lock (_gate)
        {
            var issue = new FakeIssue(NextNumber(), title, body, author) { State = state, StateReason = stateReason };
            issue.Labels.AddRange(labels);
            Issues.Add(issue);
            return issue;
        }
    }

    private int NextNumber() => Math.Max(Issues.Count == 0 ? 0 : Issues.Max(i => i.Number), PullRequests.Count == 0 ? 0 : PullRequests.Keys.Max()) + 1;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string bodyText;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            bodyText = await reader.ReadToEndAsync();
        }

        var path = request.Path.Value ?? "/";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await Answer(context, 404, """{"message":"Not Found"}""");
            return;
        }

        path = path[Prefix.Length..];
        var recorded = new RecordedRequest(request.Method, path, request.QueryString.Value ?? string.Empty, bodyText.Length > 0 ? JsonNode.Parse(bodyText) : null,
            request.Headers.Authorization.ToString(), request.Headers.Accept.ToString(), request.Headers["X-GitHub-Api-Version"].ToString(), request.Headers.UserAgent.ToString());
        (int Status, string Body, IReadOnlyDictionary<string, string> Headers)? answer;
        lock (_gate)
        {
            Requests.Add(recorded);
            answer = TakeFault(recorded) ?? Route(recorded, request.Query);
        }

        foreach (var (name, value) in answer.Value.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await Answer(context, answer.Value.Status, answer.Value.Body);
    }

    private static async Task Answer(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        if (status != 204)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(body);
        }
    }

    private (int, string, IReadOnlyDictionary<string, string>)? TakeFault(RecordedRequest request)
    {
        var fault = _faults.FirstOrDefault(f => f.Times > 0 && f.Method == request.Method && f.Path.IsMatch(request.Path));
        if (fault is null)
        {
            return null;
        }

        fault.Times--;
        return (fault.Status, fault.Body, fault.Headers);
    }

    private (int, string, IReadOnlyDictionary<string, string>) Route(RecordedRequest request, IQueryCollection query)
    {
        var token = request.Authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? request.Authorization["Bearer ".Length..] : null;
        if (token is null || !Tokens.TryGetValue(token, out var identity))
        {
            return Json(401, new JsonObject { ["message"] = "Bad credentials", ["documentation_url"] = "https://docs.github.com/rest" });
        }

        var isWrite = request.Method != "GET";
        if (isWrite && identity.ReadOnly)
        {
            return Json(403, new JsonObject { ["message"] = "Resource not accessible by integration", ["documentation_url"] = "https://docs.github.com/rest/issues/comments#create-an-issue-comment" });
        }

        var m = RouteRegex().Match(request.Path);
        if (!m.Success)
        {
            return NotFound();
        }

        var rest = m.Groups["rest"].Value;
        return (request.Method, rest) switch
        {
            ("GET", "") when m.Groups["user"].Success => identity.Installation
                ? Json(403, new JsonObject { ["message"] = "Resource not accessible by integration" })
                : Json(200, identity.User.ToJson()),
            _ when m.Groups["user"].Success => NotFound(),
            _ => RepoRoute(request, query, identity.User, rest),
        };
    }

    private (int, string, IReadOnlyDictionary<string, string>) RepoRoute(RecordedRequest request, IQueryCollection query, FakeUser user, string rest)
    {
        Match match;
        if ((match = Regex.Match(rest, @"^/issues/(\d+)/comments$")).Success)
        {
            var number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (request.Method == "GET")
            {
                return Page(request, query, Comments.Where(c => c.IssueNumber == number).Select(c => (JsonNode)c.ToJson(ApiUrl)).ToList());
            }

            if (request.Method == "POST")
            {
                if (request.Body?["body"]?.GetValue<string>() is not { } body)
                {
                    return Invalid("IssueComment", "body", "missing_field");
                }

                if (body.Length > 65536)
                {
                    return Invalid("IssueComment", "body", "custom", "body is too long (maximum is 65536 characters)");
                }

                var comment = new FakeComment(++_nextId, number, body, user);
                Comments.Add(comment);
                return Json(201, comment.ToJson(ApiUrl));
            }
        }

        if ((match = Regex.Match(rest, @"^/issues/comments/(\d+)$")).Success && request.Method == "PATCH")
        {
            var comment = Comments.FirstOrDefault(c => c.Id == long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            if (comment is null)
            {
                return NotFound();
            }

            if (request.Body?["body"]?.GetValue<string>() is not { } body || body.Length > 65536)
            {
                return Invalid("IssueComment", "body", "custom");
            }

            comment.Body = body;
            comment.Edits++;
            return Json(200, comment.ToJson(ApiUrl));
        }

        if (rest == "/issues" && request.Method == "GET")
        {
            var labels = (query["labels"].ToString() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
            var state = query["state"].ToString() is { Length: > 0 } s ? s : "open";
            var found = Issues
                .Where(i => labels.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)))
                .Where(i => state == "all" || i.State == state)
                .OrderByDescending(i => i.Number)
                .Select(i => (JsonNode)i.ToJson(ApiUrl, Labels))
                .ToList();
            return Page(request, query, found);
        }

        if (rest == "/issues" && request.Method == "POST")
        {
            if (request.Body?["title"]?.GetValue<string>() is not { } title)
            {
                return Invalid("Issue", "title", "missing_field");
            }

            var body = request.Body["body"]?.GetValue<string>() ?? string.Empty;
            if (body.Length > 65536)
            {
                return Invalid("Issue", "body", "custom", "body is too long (maximum is 65536 characters)");
            }

            var issue = new FakeIssue(NextNumber(), title, body, user);
            issue.Labels.AddRange(request.Body["labels"]?.AsArray().Select(l => l!.GetValue<string>()) ?? []);
            foreach (var label in issue.Labels.Where(l => !Labels.Any(x => x.Name.Equals(l, StringComparison.OrdinalIgnoreCase))))
            {
                Labels.Add(new FakeLabel(++_nextId, label, "ededed", null));
            }

            Issues.Add(issue);
            return Json(201, issue.ToJson(ApiUrl, Labels));
        }

        if ((match = Regex.Match(rest, @"^/issues/(\d+)$")).Success && request.Method == "PATCH")
        {
            var issue = Issues.FirstOrDefault(i => i.Number == int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            if (issue is null)
            {
                return NotFound();
            }

            if (request.Body?["body"]?.GetValue<string>() is { } body)
            {
                issue.Body = body;
            }

            if (request.Body?["title"]?.GetValue<string>() is { } title)
            {
                issue.Title = title;
            }

            if (request.Body?["state"]?.GetValue<string>() is { } newState)
            {
                issue.State = newState;
                issue.StateReason = request.Body?["state_reason"]?.GetValue<string>();
            }

            issue.Edits++;
            return Json(200, issue.ToJson(ApiUrl, Labels));
        }

        if ((match = Regex.Match(rest, @"^/labels/(.+)$")).Success && request.Method == "GET")
        {
            var name = Uri.UnescapeDataString(match.Groups[1].Value);
            var label = Labels.FirstOrDefault(l => l.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            return label is null ? NotFound() : Json(200, label.ToJson(ApiUrl));
        }

        if (rest == "/labels" && request.Method == "POST")
        {
            var name = request.Body?["name"]?.GetValue<string>();
            if (name is null)
            {
                return Invalid("Label", "name", "missing_field");
            }

            if (Labels.Any(l => l.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return Invalid("Label", "name", "already_exists");
            }

            var label = new FakeLabel(++_nextId, name, request.Body!["color"]?.GetValue<string>() ?? "ededed", request.Body["description"]?.GetValue<string>());
            Labels.Add(label);
            return Json(201, label.ToJson(ApiUrl));
        }

        if ((match = Regex.Match(rest, @"^/pulls/(\d+)$")).Success && request.Method == "GET")
        {
            var number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return PullRequests.TryGetValue(number, out var sha)
                ? Json(200, new JsonObject
                {
                    ["number"] = number,
                    ["state"] = "open",
                    ["html_url"] = $"https://github.com/octo-org/bench/pull/{number}",
                    ["head"] = new JsonObject { ["sha"] = sha, ["ref"] = "feature", ["repo"] = new JsonObject { ["full_name"] = "fork-owner/bench", ["fork"] = true } },
                    ["base"] = new JsonObject { ["sha"] = "0000000000000000000000000000000000000000", ["ref"] = "main", ["repo"] = new JsonObject { ["full_name"] = "octo-org/bench", ["fork"] = false } },
                })
                : NotFound();
        }

        return NotFound();
    }

    private (int, string, IReadOnlyDictionary<string, string>) Page(RecordedRequest request, IQueryCollection query, List<JsonNode> items)
    {
        var perPage = int.TryParse(query["per_page"], out var p) ? Math.Clamp(p, 1, 100) : 30;
        perPage = Math.Min(perPage, MaxPageSize);
        var page = int.TryParse(query["page"], out var n) && n > 0 ? n : 1;
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var array = new JsonArray(items.Skip((page - 1) * perPage).Take(perPage).Select(i => i.DeepClone()).ToArray());
        var links = new List<string>();
        string Url(int target)
        {
            var parameters = System.Web.HttpUtility.ParseQueryString(request.Query);
            parameters["page"] = target.ToString(CultureInfo.InvariantCulture);
            return $"<{ApiUrl}{request.Path}?{parameters}>";
        }

        if (page < last)
        {
            links.Add($"{Url(page + 1)}; rel=\"next\"");
            links.Add($"{Url(last)}; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"{Url(1)}; rel=\"first\"");
            links.Add($"{Url(page - 1)}; rel=\"prev\"");
        }

        var headers = new Dictionary<string, string> { ["x-ratelimit-remaining"] = "4999", ["x-ratelimit-limit"] = "5000" };
        if (links.Count > 0)
        {
            headers["Link"] = string.Join(", ", links);
        }

        return (200, array.ToJsonString(), headers);
    }

    private static (int, string, IReadOnlyDictionary<string, string>) Json(int status, JsonNode node) =>
        (status, node.ToJsonString(), new Dictionary<string, string> { ["x-ratelimit-remaining"] = "4999", ["x-ratelimit-limit"] = "5000" });

    private static (int, string, IReadOnlyDictionary<string, string>) NotFound() =>
        Json(404, new JsonObject { ["message"] = "Not Found", ["documentation_url"] = "https://docs.github.com/rest" });

    private static (int, string, IReadOnlyDictionary<string, string>) Invalid(string resource, string field, string code, string? message = null) =>
        Json(422, new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(new JsonObject { ["resource"] = resource, ["field"] = field, ["code"] = code, ["message"] = message }),
            ["documentation_url"] = "https://docs.github.com/rest",
        });

    [GeneratedRegex(@"^(?:(?<user>/user)|/repos/[^/]+/[^/]+)(?<rest>.*)$")]
    private static partial Regex RouteRegex();

    private sealed class Fault(string method, Regex path, int status, string body, IReadOnlyDictionary<string, string> headers, int times)
    {
        public string Method { get; } = method;

        public Regex Path { get; } = path;

        public int Status { get; } = status;

        public string Body { get; } = body;

        public IReadOnlyDictionary<string, string> Headers { get; } = headers;

        public int Times { get; set; } = times;
    }
}
