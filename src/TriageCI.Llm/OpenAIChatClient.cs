using System.ClientModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AI = Microsoft.Extensions.AI;
using OpenAIChat = OpenAI.Chat;

namespace TriageCI.Llm;

/// <summary>
/// The project's own <see cref="IChatClient"/> over the official OpenAI SDK's chat-completions client (the
/// Microsoft.Extensions.AI adapter is not available here). Maps text, tool calls and tool results, temperature, output
/// caps and tool choice; reports usage and finish reasons; streams text and assembles streamed tool calls.
/// Thread-safe as the SDK client is.
/// </summary>
public sealed class OpenAIChatClient : IChatClient
{
    /// <summary>Tool-call arguments go back on one line, as the API sent them.</summary>
    private static readonly JsonSerializerOptions CompactJson = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    private readonly OpenAIChat.ChatClient _chat;
    private readonly ChatClientMetadata _metadata;

    public OpenAIChatClient(OpenAIChat.ChatClient chat, string providerName, Uri endpoint, string model)
    {
        ArgumentNullException.ThrowIfNull(chat);
        _chat = chat;
        _metadata = new ChatClientMetadata(providerName, endpoint, model);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ClientResult<ChatCompletion> result = await _chat.CompleteChatAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken);
        var completion = result.Value;
        var contents = new List<AIContent>();
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }

        foreach (var call in completion.ToolCalls)
        {
            contents.Add(FunctionCall(call.Id, call.FunctionName, call.FunctionArguments?.ToString()));
        }

        return new ChatResponse(new AI.ChatMessage(ChatRole.Assistant, contents) { MessageId = completion.Id })
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = FinishReason(completion.FinishReason),
            Usage = Usage(completion.Usage),
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var calls = new SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)>();
        string? id = null;
        string? model = null;
        AI.ChatFinishReason? finish = null;
        UsageDetails? usage = null;
        await foreach (var update in _chat.CompleteChatStreamingAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken))
        {
            id ??= update.CompletionId;
            model ??= update.Model;
            finish = update.FinishReason is { } reason ? FinishReason(reason) : finish;
            usage = Usage(update.Usage) ?? usage;
            foreach (var part in update.ToolCallUpdates)
            {
                var known = calls.TryGetValue(part.Index, out var call) ? call : (null, null, new StringBuilder());
                known.Id ??= part.ToolCallId;
                known.Name ??= part.FunctionName;
                known.Arguments.Append(part.FunctionArgumentsUpdate?.ToString());
                calls[part.Index] = known;
            }

            var text = string.Concat(update.ContentUpdate.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            if (text.Length > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, text) { ResponseId = id, MessageId = id, ModelId = model };
            }
        }

        var last = new List<AIContent>();
        last.AddRange(calls.Values.Select(c => (AIContent)FunctionCall(c.Id ?? string.Empty, c.Name ?? string.Empty, c.Arguments.ToString())));
        if (usage is not null)
        {
            last.Add(new UsageContent(usage));
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, last) { ResponseId = id, MessageId = id, ModelId = model, FinishReason = finish };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(_chat) ? _chat
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    private static List<OpenAIChat.ChatMessage> ToOpenAI(IEnumerable<AI.ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var result = new List<OpenAIChat.ChatMessage>();
        foreach (var message in messages)
        {
            var text = string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text));
            if (message.Role == ChatRole.System)
            {
                result.Add(new SystemChatMessage(text));
            }
            else if (message.Role == ChatRole.User)
            {
                result.Add(new UserChatMessage(text));
            }
            else if (message.Role == ChatRole.Assistant)
            {
                var calls = message.Contents.OfType<FunctionCallContent>()
                    .Select(c => ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name,
                        BinaryData.FromString(JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), CompactJson))))
                    .ToList();
                if (calls.Count == 0)
                {
                    result.Add(new AssistantChatMessage(text));
                    continue;
                }

                var assistant = new AssistantChatMessage(calls);
                if (text.Length > 0)
                {
                    assistant.Content.Add(ChatMessageContentPart.CreateTextPart(text));
                }

                result.Add(assistant);
            }
            else if (message.Role == ChatRole.Tool)
            {
                foreach (var toolResult in message.Contents.OfType<FunctionResultContent>())
                {
                    result.Add(new ToolChatMessage(toolResult.CallId, ResultText(toolResult.Result)));
                }
            }
            else
            {
                throw new NotSupportedException($"the chat role '{message.Role}' has no OpenAI chat-completions equivalent");
            }
        }

        return result;
    }

    private static ChatCompletionOptions ToOpenAI(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }

        result.Temperature = options.Temperature;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.TopP = options.TopP;
        foreach (var tool in options.Tools?.OfType<AIFunctionDeclaration>() ?? [])
        {
            result.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.JsonSchema.GetRawText())));
        }

        if (result.Tools.Count > 0)
        {
            result.ToolChoice = options.ToolMode switch
            {
                NoneChatToolMode => ChatToolChoice.CreateNoneChoice(),
                RequiredChatToolMode { RequiredFunctionName: { } name } => ChatToolChoice.CreateFunctionChoice(name),
                RequiredChatToolMode => ChatToolChoice.CreateRequiredChoice(),
                _ => ChatToolChoice.CreateAutoChoice(),
            };
        }

        return result;
    }

    private static FunctionCallContent FunctionCall(string id, string name, string? arguments)
    {
        Dictionary<string, object?>? parsed = null;
        Exception? problem = null;
        if (!string.IsNullOrWhiteSpace(arguments))
        {
            try
            {
                using var document = JsonDocument.Parse(arguments);
                parsed = document.RootElement.ValueKind == JsonValueKind.Object
                    ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone())
                    : null;
            }
            catch (JsonException ex)
            {
                problem = ex;
            }
        }

        return new FunctionCallContent(id, name, parsed ?? new Dictionary<string, object?>()) { Exception = problem };
    }

    private static string ResultText(object? result) => result switch
    {
        null => string.Empty,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? string.Empty,
        JsonElement element => element.GetRawText(),
        _ => JsonSerializer.Serialize(result, CompactJson),
    };

    private static AI.ChatFinishReason FinishReason(OpenAIChat.ChatFinishReason reason) => reason switch
    {
        OpenAIChat.ChatFinishReason.Stop => AI.ChatFinishReason.Stop,
        OpenAIChat.ChatFinishReason.Length => AI.ChatFinishReason.Length,
        OpenAIChat.ChatFinishReason.ContentFilter => AI.ChatFinishReason.ContentFilter,
        _ => AI.ChatFinishReason.ToolCalls,
    };

    private static UsageDetails? Usage(ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
    };
}
