namespace TriageCI.Testing.Llm;

/// <summary>What the loopback server answers to one request.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body, sent whole; ignored when <paramref name="Events"/> is given.</param>
/// <param name="Headers">Extra response headers, e.g. <c>Retry-After</c>.</param>
/// <param name="Events">Server-sent events' data, each sent as <c>data: …</c> then a blank line.</param>
/// <param name="Hold">When given, the answer waits for it, or until the client gives up.</param>
public sealed record ScriptedResponse(
    int Status,
    string Body,
    IReadOnlyDictionary<string, string>? Headers = null,
    IReadOnlyList<string>? Events = null,
    Task? Hold = null)
{
    public static ScriptedResponse Json(string body) => new(200, body);

    public static ScriptedResponse Sse(params string[] events) => new(200, string.Empty, Events: events);

    public static ScriptedResponse Error(int status, string body, string? retryAfter = null) =>
        new(status, body, retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });
}
