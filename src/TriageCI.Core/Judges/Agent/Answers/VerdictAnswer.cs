using TriageCI.Core.Taxonomy;

namespace TriageCI.Core.Judges.Agent.Answers;

/// <summary>The judge's final answer, checked against the verdict schema.</summary>
public sealed record VerdictAnswer
{
    /// <summary>Null for <c>undetermined</c>.</summary>
    public TaxonomyEntry? Class { get; init; }

    /// <summary>For an undetermined answer, where the evidence leans.</summary>
    public FailureClass? Leaning { get; init; }

    public required double Confidence { get; init; }

    public required string Rationale { get; init; }

    public required IReadOnlyList<Citation> Citations { get; init; }

    public string ClassId => Class?.Id ?? Prompting.VerdictSchema.Undetermined;
}
