using TriageCI.Core.Judges.Agent.Answers;

namespace TriageCI.Core.Judges.Agent;

/// <summary>How one judge conversation ended.</summary>
public sealed record ConversationOutcome
{
    public const string Answered = "answered";
    public const string Repaired = "repaired";
    public const string InvalidAnswer = "invalid-answer";
    public const string BudgetExhausted = "budget-exhausted";
    public const string Failed = "failed";

    /// <summary>The checked answer; null when there is none.</summary>
    public VerdictAnswer? Answer { get; init; }

    /// <summary>One of the constants above.</summary>
    public required string Ending { get; init; }

    /// <summary>What forced an early end or why there is no answer.</summary>
    public string? Note { get; init; }

    /// <summary>A budget cut the investigation short, whether or not an answer came.</summary>
    public bool BudgetLimited { get; init; }

    /// <summary>The model that answered, as it named itself.</summary>
    public string? Model { get; init; }
}
