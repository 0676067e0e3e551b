using System.Text.Json;
using System.Text.RegularExpressions;
using TriageCI.GitHub.Tests.Fakes;

namespace TriageCI.GitHub.Tests.Octokit;

/// <summary>
/// GitHub's official OpenAPI description (<c>@octokit/openapi</c>, api.github.com): tells whether a request the client
/// made is one GitHub defines — path, method, query parameters and JSON body (required members present, no member
/// GitHub does not know).
/// </summary>
internal sealed class OpenApiSpec
{
    private static readonly Lazy<OpenApiSpec> LazyGitHub = new(() => new OpenApiSpec(OctokitData.PathOf("openapi/generated/api.github.com.json")));

    private readonly JsonDocument _document;
    private readonly List<(Regex Pattern, string Template)> _paths;

    private OpenApiSpec(string path)
    {
        using (var stream = File.OpenRead(path))
        {
            _document = JsonDocument.Parse(stream);
        }

        _paths = _document.RootElement.GetProperty("paths").EnumerateObject()
            .Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^}]+}", "[^/]+") + "$"), p.Name))
            .ToList();
    }

    public static OpenApiSpec GitHub => LazyGitHub.Value;

    /// <summary>The path template a concrete path belongs to, e.g. <c>/repos/{owner}/{repo}/issues</c>.</summary>
    public string? TemplateOf(string path)
    {
        // Literal segments win over parameters, as in routing: /issues/comments/1 is not /issues/{issue_number}/...
        return _paths.Where(p => p.Pattern.IsMatch(path)).OrderBy(p => p.Template.Count(c => c == '{')).Select(p => p.Template).FirstOrDefault();
    }

    /// <summary>What is wrong with the request in GitHub's eyes; empty when GitHub defines it exactly so.</summary>
    public IReadOnlyList<string> Problems(RecordedRequest request)
    {
        var problems = new List<string>();
        var name = $"{request.Method} {request.Path}";
        if (TemplateOf(request.Path) is not { } template)
        {
            return [$"{name}: no such path in GitHub's REST API"];
        }

        var pathItem = _document.RootElement.GetProperty("paths").GetProperty(template);
        if (!pathItem.TryGetProperty(request.Method.ToLowerInvariant(), out var operation))
        {
            return [$"{name}: {template} has no {request.Method}"];
        }

        var parameters = Parameters(pathItem).Concat(Parameters(operation)).ToList();
        var query = System.Web.HttpUtility.ParseQueryString(request.Query);
        foreach (var key in query.AllKeys.Where(k => k is not null))
        {
            if (!parameters.Any(p => p.GetProperty("in").GetString() == "query" && p.GetProperty("name").GetString() == key))
            {
                problems.Add($"{name}: query parameter '{key}' is not defined for {request.Method} {template}");
            }
        }

        var hasBody = operation.TryGetProperty("requestBody", out var requestBody);
        if (request.Body is null)
        {
            if (hasBody && requestBody.TryGetProperty("required", out var required) && required.GetBoolean())
            {
                problems.Add($"{name}: a body is required");
            }

            return problems;
        }

        if (!hasBody)
        {
            problems.Add($"{name}: {request.Method} {template} takes no body");
            return problems;
        }

        var schema = Resolve(Resolve(requestBody).GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var members = request.Body.AsObject().Select(p => p.Key).ToList();
        if (schema.TryGetProperty("required", out var requiredMembers))
        {
            foreach (var member in requiredMembers.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!members.Contains(member))
                {
                    problems.Add($"{name}: the body lacks the required '{member}'");
                }
            }
        }

        var known = schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
        problems.AddRange(members.Where(m => !known.Contains(m)).Select(m => $"{name}: the body member '{m}' is not defined by GitHub"));
        return problems;
    }

    /// <summary>Whether <paramref name="value"/> is one of the enum values GitHub defines for a body member.</summary>
    public bool AllowsBodyValue(string method, string path, string member, string value)
    {
        var operation = _document.RootElement.GetProperty("paths").GetProperty(TemplateOf(path)!).GetProperty(method.ToLowerInvariant());
        var schema = Resolve(Resolve(operation.GetProperty("requestBody")).GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var property = Resolve(schema.GetProperty("properties").GetProperty(member));
        return property.TryGetProperty("enum", out var values) && values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == value);
    }

    /// <summary>A named example response from <c>components/examples</c>, as JSON text.</summary>
    public string Example(string name) => _document.RootElement.GetProperty("components").GetProperty("examples").GetProperty(name).GetProperty("value").GetRawText();

    private IEnumerable<JsonElement> Parameters(JsonElement element) =>
        element.TryGetProperty("parameters", out var list) ? list.EnumerateArray().Select(Resolve) : [];

    private JsonElement Resolve(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            var target = _document.RootElement;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            element = target;
        }

        return element;
    }
}
