namespace TriageCI.Cli.Judging;

/// <summary>The judge options as given on the command line.</summary>
internal sealed record JudgeRequest
{
    public string? Judge { get; init; }

    public string? Provider { get; init; }

    public string? Model { get; init; }

    public string? BaseUrl { get; init; }

    public string? ApiKeyFile { get; init; }

    public string? TaskBudget { get; init; }

    public string? RunBudget { get; init; }

    public string? PriceTable { get; init; }

    public string? Transcripts { get; init; }

    public string? Replay { get; init; }
}
