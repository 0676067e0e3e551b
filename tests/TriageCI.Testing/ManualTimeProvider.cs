namespace TriageCI.Testing;

/// <summary>
/// A clock tests move by hand. Timers fire when <see cref="Advance"/> passes their due time, or at once when
/// <see cref="AutoAdvance"/> is on (then each wait moves the clock by its length). Records every wait asked for.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Waits complete at once, advancing the clock: retries with backoff then take no real time.</summary>
    public bool AutoAdvance { get; init; }

    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.Due <= _now).ToList();
            _timers.RemoveAll(due.Contains);
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            Waits.Add(dueTime);
        }

        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            if (AutoAdvance)
            {
                lock (_gate)
                {
                    _now += dueTime;
                }

                ThreadPool.QueueUserWorkItem(_ => timer.Fire());
            }
            else
            {
                Schedule(timer, dueTime);
            }
        }

        return timer;
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            timer.Due = _now + dueTime;
            _timers.Add(timer);
        }
    }

    private void Cancel(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private int _disposed;

        public DateTimeOffset Due { get; set; }

        public void Fire()
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Cancel(this);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                owner.Schedule(this, dueTime);
            }

            return true;
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _disposed, 1);
            owner.Cancel(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
