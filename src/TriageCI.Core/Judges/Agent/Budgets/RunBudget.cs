namespace TriageCI.Core.Judges.Agent.Budgets;

/// <summary>
/// What the whole run has spent on the agent judge, against the run's limits. Shared by every conversation of the
/// run; thread-safe.
/// </summary>
public sealed class RunBudget
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _started;
    private int _turns;
    private long _inputTokens;
    private long _outputTokens;
    private decimal _costUsd;

    public RunBudget(BudgetLimits limits, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
    }

    public BudgetLimits Limits { get; }

    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>Why the run may make no further model call, or null while it may.</summary>
    public string? ExhaustedReason()
    {
        lock (_gate)
        {
            return BudgetCheck.Exhausted("run", Limits, _turns, _inputTokens, _outputTokens, _costUsd, Elapsed);
        }
    }

    internal (long Input, long Output, decimal Cost) Remaining()
    {
        lock (_gate)
        {
            return ((Limits.InputTokens ?? long.MaxValue) - _inputTokens,
                (Limits.OutputTokens ?? long.MaxValue) - _outputTokens,
                (Limits.CostUsd ?? decimal.MaxValue) - _costUsd);
        }
    }

    internal TimeSpan? RemainingTime => Limits.WallTime - Elapsed;

    internal void Record(long inputTokens, long outputTokens, decimal cost)
    {
        lock (_gate)
        {
            _turns++;
            _inputTokens += inputTokens;
            _outputTokens += outputTokens;
            _costUsd += cost;
        }
    }
}
