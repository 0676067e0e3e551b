using TriageCI.Core.Judges;

namespace TriageCI.Cli.Judging;

/// <summary>The judge of a run, what to record about it in the report, and what must be disposed after the run.</summary>
internal sealed class JudgeSetup(IJudge judge, string description, IDisposable? owned = null) : IDisposable
{
    public IJudge Judge { get; } = judge;

    /// <summary>The configuration in words for the report; never a secret.</summary>
    public string Description { get; } = description;

    public void Dispose() => owned?.Dispose();
}
