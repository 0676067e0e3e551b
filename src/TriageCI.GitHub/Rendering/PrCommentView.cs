using TriageCI.Core.Reports.Markdown;

namespace TriageCI.GitHub.Rendering;

/// <summary>
/// What <c>pr-comment.md.hbs</c> sees. It is the summary's view (<see cref="SummaryView"/>) shortened to a budget:
/// lists may hold fewer entries than <see cref="Counts"/> says (<see cref="More"/> tells how many were left out),
/// evidence may be gone, and <see cref="Omitted"/> says in words what was left out.
/// </summary>
public sealed record PrCommentView
{
    public required RunView Run { get; init; }

    public required ScoreView Score { get; init; }

    public required IReadOnlyList<CategoryView> Categories { get; init; }

    public required IReadOnlyList<ClassView> Classes { get; init; }

    /// <summary>The categories with at least one trial, for the mermaid pie chart.</summary>
    public required IReadOnlyList<ChartSlice> Chart { get; init; }

    /// <summary>How many failed trials each list stands for, before any shortening.</summary>
    public required PrCommentCounts Counts { get; init; }

    public required IReadOnlyList<VerdictView> TaskDefects { get; init; }

    /// <summary>Task defects collapsed to one table row each, without their evidence.</summary>
    public required bool DefectsAsRows { get; init; }

    public required IReadOnlyList<VerdictView> Infrastructure { get; init; }

    public required RerunView Rerun { get; init; }

    public required IReadOnlyList<VerdictView> AgentErrors { get; init; }

    public required IReadOnlyList<VerdictView> Undetermined { get; init; }

    public required IReadOnlyList<UnreadableView> Unreadable { get; init; }

    /// <summary>How many entries of each list were left out.</summary>
    public required PrCommentCounts More { get; init; }

    /// <summary>What was left out to fit, in words; empty when nothing was.</summary>
    public required IReadOnlyList<string> Omitted { get; init; }

    public required PrCommentLinks Links { get; init; }

    public required bool HasFailures { get; init; }

    public required string GeneratedAt { get; init; }

    public required string Tool { get; init; }

    public required string TaxonomyVersion { get; init; }

    public string? Judge { get; init; }
}
