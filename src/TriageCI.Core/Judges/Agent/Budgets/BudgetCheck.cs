namespace TriageCI.Core.Judges.Agent.Budgets;

/// <summary>One wording for every spent limit, task or run.</summary>
internal static class BudgetCheck
{
    public static string? Exhausted(string scope, BudgetLimits limits, int turns, long input, long output, decimal cost, TimeSpan elapsed)
    {
        if (limits.Turns is { } maxTurns && turns >= maxTurns)
        {
            return $"the {scope} turn budget ({maxTurns}) is spent";
        }

        if (limits.InputTokens is { } maxInput && input >= maxInput)
        {
            return $"the {scope} input-token budget ({maxInput:N0}) is spent";
        }

        if (limits.OutputTokens is { } maxOutput && output >= maxOutput)
        {
            return $"the {scope} output-token budget ({maxOutput:N0}) is spent";
        }

        if (limits.CostUsd is { } maxCost && cost >= maxCost)
        {
            return $"the {scope} cost budget (${maxCost}) is spent";
        }

        if (limits.WallTime is { } maxTime && elapsed >= maxTime)
        {
            return $"the {scope} time budget ({maxTime.TotalSeconds:0.#} s) is spent";
        }

        return null;
    }
}
