namespace TriageCI.Core.Judges.Agent.Prompting;

/// <summary>How much of a long text an excerpt keeps, and where.</summary>
public sealed record ExcerptOptions
{
    public int HeadLines { get; init; } = 12;

    public int TailLines { get; init; } = 40;

    /// <summary>Lines kept before and after each decisive line.</summary>
    public int ContextLines { get; init; } = 3;

    /// <summary>Error windows remembered while streaming: the first half and the last half of them.</summary>
    public int MaxWindows { get; init; } = 16;

    public int MaxChars { get; init; } = 6_000;

    public int MaxLineChars { get; init; } = 300;
}
