using TriageCI.Core.Probes;
using TriageCI.Core.Runs;
using TriageCI.Core.Verdicts;

namespace TriageCI.Core.Judges.Agent.Tools;

/// <summary>
/// Gives the agent judge the tools of one access mode for one trial. The judge opens every provider it was given for
/// each conversation and reports the highest <see cref="Mode"/> among those that opened: text tools over the trial's
/// own files are always there; environment tools open only when the trial's context holds an environment of their
/// mode. Implementations are thread-safe; each toolbox serves one conversation.
/// </summary>
public interface IJudgeToolProvider
{
    /// <summary>The access mode these tools need and give.</summary>
    AccessMode Mode { get; }

    /// <summary>
    /// Opens the tools for one conversation, or returns null when this trial's context cannot give this mode. Never
    /// throws for anything about the trial; the caller disposes the toolbox.
    /// </summary>
    ValueTask<JudgeToolbox?> OpenAsync(TaskRun run, TrialContext context, CancellationToken cancellationToken);
}
