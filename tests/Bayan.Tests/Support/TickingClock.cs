namespace Bayan.Tests.Support;

/// <summary>
/// A clock that stands still, with timers (<c>Task.Delay(span, clock)</c>, periodic timers) that fire
/// only when a test moves it on with <see cref="Advance"/>: background loops then run when told.
/// </summary>
public sealed class TickingClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
            return now;
    }

    /// <summary>Moves the clock on, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (gate)
        {
            now += by;
            due = [.. timers.Where(t => t.Due <= now)];
        }
        foreach (var timer in due)
            timer.Fire();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(TickingClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset Due { get; private set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                this.period = period;
                Due = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.now + dueTime;
                if (!clock.timers.Contains(this))
                    clock.timers.Add(this);
            }
            return true;
        }

        public void Fire()
        {
            lock (clock.gate)
                Due = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? DateTimeOffset.MaxValue : Due + period;
            callback(state);
        }

        public void Dispose()
        {
            lock (clock.gate)
                clock.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
