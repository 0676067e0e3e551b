namespace TriageCI.GitHub.Rendering;

public sealed record PrCommentCounts
{
    public int TaskDefects { get; init; }

    public int Infrastructure { get; init; }

    public int AgentErrors { get; init; }

    public int Undetermined { get; init; }

    public int Unreadable { get; init; }

    /// <summary>Distinct tasks to re-run.</summary>
    public int RerunTasks { get; init; }
}
