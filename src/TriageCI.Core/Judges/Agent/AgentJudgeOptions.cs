using TriageCI.Core.Judges.Agent.Budgets;
using TriageCI.Core.Judges.Agent.Prompting;
using TriageCI.Core.Judges.Agent.Transcripts;

namespace TriageCI.Core.Judges.Agent;

/// <summary>How the agent judge runs.</summary>
public sealed record AgentJudgeOptions
{
    /// <summary>The limits of each conversation; a confirmation sample gets limits of its own.</summary>
    public BudgetLimits TaskBudget { get; init; } = BudgetLimits.TaskDefault;

    /// <summary>Prices for the cost figures and cost limits; without the model's price, cost is not reported.</summary>
    public PriceTable Prices { get; init; } = PriceTable.Empty;

    /// <summary>A task-defect verdict needs an independent second sample to agree, else it is reported as undetermined.</summary>
    public bool ConfirmDefects { get; init; } = true;

    /// <summary>Output tokens asked for per model call.</summary>
    public int MaxOutputTokensPerCall { get; init; } = 4_096;

    /// <summary>Sampling temperature of the verdict conversation: deterministic where the model allows.</summary>
    public float Temperature { get; init; }

    /// <summary>The confirmation samples warmer, so that it is an independent look rather than a repeat.</summary>
    public float ConfirmationTemperature { get; init; } = 0.7f;

    public PromptOptions Prompt { get; init; } = new();

    /// <summary>Where transcripts are written, one file per trial; null writes none.</summary>
    public TranscriptStore? Transcripts { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
