using Microsoft.Extensions.AI;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// Where the agent judge's conversations go: a live model behind its decorators, or recorded transcripts. Each
/// conversation gets its own client, wrapped so that its budget and transcript are enforced and recorded outside
/// the judge's code. Implementations are thread-safe; the clients they open serve one conversation each.
/// </summary>
public interface IJudgeChatSource
{
    /// <summary><c>agent</c> for a live model, <c>replay</c> for transcripts.</summary>
    string Kind { get; }

    /// <summary>The model asked for, as configured; null when unknown until answers arrive (replay).</summary>
    string? ModelId { get; }

    /// <summary>Opens the client of one conversation. The caller disposes it.</summary>
    /// <exception cref="InvalidDataException">A replay source has no usable transcript for the trial.</exception>
    Task<IChatClient> OpenAsync(JudgeSession session, CancellationToken cancellationToken);
}
