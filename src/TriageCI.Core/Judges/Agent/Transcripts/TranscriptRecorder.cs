using System.Text.Json;
using Microsoft.Extensions.AI;

namespace TriageCI.Core.Judges.Agent.Transcripts;

/// <summary>
/// Builds one sample of a transcript from the calls of one conversation. The conversation only ever grows, so each
/// call adds the messages sent since the last one and the answer. One conversation: not thread-safe.
/// </summary>
public sealed class TranscriptRecorder
{
    private readonly List<TranscriptMessage> _messages = [];
    private readonly List<TranscriptCall> _calls = [];
    private int _sentCount;

    public int Calls => _calls.Count;

    public void Record(IReadOnlyList<ChatMessage> request, ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (request.Count < _sentCount)
        {
            throw new InvalidOperationException("a judge conversation only grows; this request drops messages already sent");
        }

        foreach (var message in request.Skip(_sentCount))
        {
            _messages.Add(Convert(message, null));
        }

        var call = _calls.Count + 1;
        foreach (var message in response.Messages)
        {
            _messages.Add(Convert(message, call));
        }

        _sentCount = request.Count + response.Messages.Count;
        _calls.Add(new TranscriptCall
        {
            Call = call,
            Model = response.ModelId,
            InputTokens = response.Usage?.InputTokenCount,
            OutputTokens = response.Usage?.OutputTokenCount,
            FinishReason = response.FinishReason?.Value,
        });
    }

    public TranscriptSample ToSample(int sample, string outcome, string? note) => new()
    {
        Sample = sample,
        Messages = [.. _messages],
        Calls = [.. _calls],
        Outcome = outcome,
        Note = note,
    };

    private static TranscriptMessage Convert(ChatMessage message, int? call) => new()
    {
        Role = message.Role.Value,
        Call = call,
        Parts = message.Contents.Select(Convert).OfType<TranscriptPart>().ToList(),
    };

    private static TranscriptPart? Convert(AIContent content) => content switch
    {
        TextContent text => new TranscriptPart { Type = "text", Text = text.Text },
        FunctionCallContent call => new TranscriptPart
        {
            Type = "tool-call",
            CallId = call.CallId,
            Name = call.Name,
            Arguments = JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions),
        },
        FunctionResultContent result => new TranscriptPart { Type = "tool-result", CallId = result.CallId, Result = ResultText(result.Result) },
        _ => null,
    };

    /// <summary>A tool result as the text the model saw.</summary>
    public static string? ResultText(object? result) => result switch
    {
        null => null,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonElement element => element.GetRawText(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions),
    };
}
