using Microsoft.Extensions.AI;
using TriageCI.Core.Judges.Agent.Transcripts;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// Recorded transcripts instead of a model: each conversation replays the same sample of the trial's transcript,
/// still under its budget and recorded anew.
/// </summary>
public sealed class ReplayChatSource(TranscriptStore transcripts) : IJudgeChatSource
{
    public string Kind => "replay";

    public string? ModelId => null;

    public async Task<IChatClient> OpenAsync(JudgeSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var transcript = await transcripts.ReadAsync(session.Run.TrialId, cancellationToken);
        var path = transcripts.PathOf(session.Run.TrialId);
        var sample = transcript.Samples.FirstOrDefault(s => s.Sample == session.Sample)
            ?? throw new InvalidDataException($"{path}: no sample {session.Sample} recorded");
        return new BudgetChatClient(new TranscriptChatClient(new ReplayChatClient(sample, path), session.Recorder), session.Meter);
    }
}
