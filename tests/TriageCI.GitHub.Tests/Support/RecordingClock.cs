using TriageCI.GitHub.Rest;

namespace TriageCI.GitHub.Tests.Support;

/// <summary>A clock that never sleeps: each wait is recorded and moves time forward at once.</summary>
internal sealed class RecordingClock : IGitHubClock
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _waits = [];

    public DateTimeOffset UtcNow { get; private set; } = new(2025, 8, 16, 9, 30, 0, TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _waits.Add(delay);
            UtcNow += delay;
        }

        return Task.CompletedTask;
    }

    /// <summary>Time passing between calls (as a job's own work would take).</summary>
    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            UtcNow += by;
        }
    }
}
