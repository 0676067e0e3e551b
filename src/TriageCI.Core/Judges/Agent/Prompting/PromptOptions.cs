namespace TriageCI.Core.Judges.Agent.Prompting;

/// <summary>How much benchmark text the first message carries; the judge reads more through its tools.</summary>
public sealed record PromptOptions
{
    public int InstructionChars { get; init; } = 4_000;

    public int TrajectoryChars { get; init; } = 9_000;

    public int PatchChars { get; init; } = 3_000;

    public int EvidenceChars { get; init; } = 5_000;

    /// <summary>Log and test-output files excerpted up front, most telling kinds first.</summary>
    public int MaxLogFiles { get; init; } = 3;

    public ExcerptOptions LogExcerpt { get; init; } = new();

    /// <summary>Trial files listed by name so the judge knows what it can read.</summary>
    public int MaxListedFiles { get; init; } = 60;
}
