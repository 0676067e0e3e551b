namespace TriageCI.Core.Judges.Agent.Answers;

/// <summary>One piece of evidence the judge's answer cites, as written; checked before it enters a verdict.</summary>
public sealed record Citation
{
    /// <summary><c>probe</c>, <c>file</c>, <c>trajectory</c> or <c>command</c>.</summary>
    public required string Kind { get; init; }

    public string? Signal { get; init; }

    public string? Path { get; init; }

    public int? StartLine { get; init; }

    public int? EndLine { get; init; }

    public int? Step { get; init; }

    public string? Command { get; init; }

    public string? Note { get; init; }
}
