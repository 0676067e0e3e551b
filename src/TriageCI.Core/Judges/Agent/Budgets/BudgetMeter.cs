namespace TriageCI.Core.Judges.Agent.Budgets;

/// <summary>
/// What one judge conversation has spent, against its task limits and the run's. The budget decorator records each
/// model call here and refuses calls once a limit is reached; the tool loop asks it when to stop investigating so
/// that a final answer still fits. One conversation at a time: not thread-safe, except that it updates the shared
/// <see cref="RunBudget"/> safely.
/// </summary>
public sealed class BudgetMeter
{
    /// <summary>Output tokens kept back for the final answer.</summary>
    public const int AnswerReserveTokens = 1_500;

    private readonly TimeProvider _time;
    private readonly long _started;

    public BudgetMeter(BudgetLimits task, RunBudget run, ModelPrice? price = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(run);
        Task = task;
        Run = run;
        Price = price;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
    }

    public BudgetLimits Task { get; }

    public RunBudget Run { get; }

    public ModelPrice? Price { get; }

    public TimeProvider Time => _time;

    public int Turns { get; private set; }

    public long InputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    /// <summary>Null without a price for the model.</summary>
    public decimal? CostUsd => Price?.CostOf(InputTokens, OutputTokens);

    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>Why no further model call may be made, or null while one may.</summary>
    public string? ExhaustedReason() =>
        BudgetCheck.Exhausted("task", Task, Turns, InputTokens, OutputTokens, CostUsd ?? 0, Elapsed) ?? Run.ExhaustedReason();

    /// <exception cref="BudgetExhaustedException">A limit is reached.</exception>
    public void EnsureCanCall()
    {
        if (ExhaustedReason() is { } reason)
        {
            throw new BudgetExhaustedException(reason);
        }
    }

    /// <summary>
    /// True when the next call should be the last: after one more investigating call of about
    /// <paramref name="nextInputTokens"/> input tokens, a final answer would no longer fit.
    /// </summary>
    public bool ShouldConclude(long nextInputTokens)
    {
        if (Task.Turns is { } turns && Turns + 2 > turns)
        {
            return true;
        }

        var (runInput, runOutput, runCost) = Run.Remaining();
        var inputLeft = Math.Min((Task.InputTokens ?? long.MaxValue) - InputTokens, runInput);
        if (inputLeft < 2 * nextInputTokens)
        {
            return true;
        }

        var outputLeft = Math.Min((Task.OutputTokens ?? long.MaxValue) - OutputTokens, runOutput);
        if (outputLeft < 2L * AnswerReserveTokens)
        {
            return true;
        }

        if (Price is { } price)
        {
            var costLeft = Math.Min((Task.CostUsd ?? decimal.MaxValue) - (CostUsd ?? 0), runCost);
            if (costLeft < 2 * price.CostOf(nextInputTokens, AnswerReserveTokens))
            {
                return true;
            }
        }

        // Leave the last fifth of the time for the answer.
        return RemainingTime is { } left && Task.WallTime is { } wall && left < wall / 5;
    }

    /// <summary>The output-token cap for the next call: what was asked, within what is left.</summary>
    public int? OutputTokenCap(int? requested)
    {
        var left = Math.Min((Task.OutputTokens ?? long.MaxValue) - OutputTokens, Run.Remaining().Output);
        if (left == long.MaxValue)
        {
            return requested;
        }

        var cap = (int)Math.Clamp(left, 1, int.MaxValue);
        return requested is { } asked ? Math.Min(asked, cap) : cap;
    }

    /// <summary>The time left to this conversation under the task and run limits; null when neither limits time.</summary>
    public TimeSpan? RemainingTime
    {
        get
        {
            var task = Task.WallTime - Elapsed;
            var run = Run.RemainingTime;
            var left = task is null ? run : run is null ? task : TimeSpan.FromTicks(Math.Min(task.Value.Ticks, run.Value.Ticks));
            return left is { } l && l < TimeSpan.Zero ? TimeSpan.Zero : left;
        }
    }

    public void Record(long inputTokens, long outputTokens)
    {
        Turns++;
        InputTokens += inputTokens;
        OutputTokens += outputTokens;
        Run.Record(inputTokens, outputTokens, Price?.CostOf(inputTokens, outputTokens) ?? 0);
    }
}
