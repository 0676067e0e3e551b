namespace TriageCI.GitHub.Publishing;

/// <summary>How defect issues are filed.</summary>
public sealed record DefectIssueSettings
{
    public static IReadOnlyList<string> DefaultLabels { get; } = ["triageci", "task-defect"];

    /// <summary>Labels put on every issue; the first one is what issues are listed by when TriageCI looks for its own.</summary>
    public IReadOnlyList<string> Labels { get; init; } = DefaultLabels;

    /// <summary>At most this many issues are opened or reopened in one run; the rest wait for later runs. Open issues are always updated.</summary>
    public int MaxIssues { get; init; } = 10;

    /// <summary>The run's page, recorded with each occurrence.</summary>
    public string? RunUrl { get; init; }
}
