using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using TriageCI.Core.Judges.Agent.Transcripts;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// Answers a conversation with the model's recorded answers from a transcript sample, call by call, with the usage
/// recorded then. The judge runs as it would against the model: tools execute again, answers are checked again.
/// A conversation that asks for more calls than were recorded fails, naming the transcript. Not thread-safe.
/// </summary>
public sealed class ReplayChatClient : IChatClient
{
    private readonly string _source;
    private readonly List<ChatResponse> _answers;
    private int _next;

    public ReplayChatClient(TranscriptSample sample, string source)
    {
        ArgumentNullException.ThrowIfNull(sample);
        _source = source;
        _answers = sample.Calls
            .Select(call => new ChatResponse(sample.Messages.Where(m => m.Call == call.Call).Select(ToMessage).ToList())
            {
                ModelId = call.Model,
                FinishReason = call.FinishReason is { } reason ? new ChatFinishReason(reason) : null,
                Usage = call.InputTokens is null && call.OutputTokens is null ? null
                    : new UsageDetails { InputTokenCount = call.InputTokens, OutputTokenCount = call.OutputTokens },
            })
            .ToList();
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_next >= _answers.Count)
        {
            throw new InvalidOperationException($"{_source}: the transcript records {_answers.Count} model calls; the judge asked for call {_next + 1}");
        }

        return Task.FromResult(_answers[_next++]);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    public void Dispose()
    {
    }

    private static ChatMessage ToMessage(TranscriptMessage message) =>
        new(new ChatRole(message.Role), message.Parts.Select(ToContent).OfType<AIContent>().ToList());

    private static AIContent? ToContent(TranscriptPart part) => part.Type switch
    {
        "text" => new TextContent(part.Text),
        "tool-call" => new FunctionCallContent(part.CallId ?? string.Empty, part.Name ?? string.Empty,
            part.Arguments is { ValueKind: JsonValueKind.Object } arguments
                ? arguments.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone())
                : null),
        "tool-result" => new FunctionResultContent(part.CallId ?? string.Empty, part.Result),
        _ => null,
    };
}
