using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using TriageCI.Core.Judges.Agent.Transcripts;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// Records every completed call of one conversation into its transcript. Sits inside the redaction decorator, so
/// the transcript holds exactly what went over the wire. One conversation: not thread-safe.
/// </summary>
public sealed class TranscriptChatClient(IChatClient innerClient, TranscriptRecorder recorder) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        var response = await base.GetResponseAsync(sent, options, cancellationToken);
        recorder.Record(sent, response);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(sent, options, cancellationToken))
        {
            updates.Add(update);
            yield return update;
        }

        recorder.Record(sent, updates.ToChatResponse());
    }
}
