using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageCI.GitHub.Rest;

/// <summary>GitHub's JSON: snake_case names; unknown members ignored (GitHub adds fields freely); nulls not sent.</summary>
public static class GitHubJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
