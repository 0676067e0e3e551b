namespace TriageCI.Core.Judges.Agent.Budgets;

/// <summary>A hard budget of the task or of the run is spent; no further model call is made for this conversation.</summary>
public sealed class BudgetExhaustedException : Exception
{
    public BudgetExhaustedException()
    {
    }

    public BudgetExhaustedException(string message)
        : base(message)
    {
    }

    public BudgetExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
