using System.Text.Json;
using Microsoft.Extensions.AI;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// Redacts secrets from everything sent to the model: message texts, tool-call arguments, tool results and
/// instructions. Responses pass unchanged; the model cannot return what it never saw. Thread-safe.
/// </summary>
public sealed class RedactingChatClient(IChatClient innerClient, SecretRedactor redactor) : DelegatingChatClient(innerClient)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Redact(messages), Redact(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Redact(messages), Redact(options), cancellationToken);

    private List<ChatMessage> Redact(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages.Select(m => new ChatMessage(m.Role, m.Contents.Select(Redact).ToList())
        {
            AuthorName = m.AuthorName,
            MessageId = m.MessageId,
        }).ToList();
    }

    private ChatOptions? Redact(ChatOptions? options)
    {
        if (options?.Instructions is null)
        {
            return options;
        }

        var copy = options.Clone();
        copy.Instructions = redactor.Redact(options.Instructions);
        return copy;
    }

    private AIContent Redact(AIContent content) => content switch
    {
        TextContent text => new TextContent(redactor.Redact(text.Text)),
        FunctionCallContent call => new FunctionCallContent(call.CallId, call.Name,
            call.Arguments?.ToDictionary(a => a.Key, a => (object?)RedactValue(a.Value))),
        FunctionResultContent result => new FunctionResultContent(result.CallId, RedactValue(result.Result)),
        _ => content,
    };

    private object? RedactValue(object? value) => value switch
    {
        null => null,
        string text => redactor.Redact(text),
        JsonElement { ValueKind: JsonValueKind.String } element => redactor.Redact(element.GetString()!),
        JsonElement element => JsonDocument.Parse(redactor.Redact(element.GetRawText()) is var raw && IsJson(raw) ? raw : "null").RootElement.Clone(),
        _ => redactor.Redact(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static bool IsJson(string raw)
    {
        try
        {
            using var _ = JsonDocument.Parse(raw);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
