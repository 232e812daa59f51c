namespace Bayan.Webhooks;

/// <summary>
/// When a failed delivery is tried again: 10 seconds after the first failure, then four times longer
/// each time (40 s, 2.7 min, 11 min, 43 min, 2.8 h) up to 10 hours between tries, each delay moved by
/// up to a fifth either way so that many deliveries failing together do not return together. A
/// receiver's Retry-After is honoured when it asks for longer, up to the same 10 hours.
/// </summary>
public static class RetrySchedule
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(10);

    /// <param name="failures">Failed tries so far, at least 1.</param>
    /// <param name="random">A number in [0, 1) that places the delay within its jitter.</param>
    public static TimeSpan After(int failures, double random, TimeSpan? retryAfter = null)
    {
        var seconds = Math.Min(First.TotalSeconds * Math.Pow(4, Math.Max(0, failures - 1)), Longest.TotalSeconds);
        var delay = TimeSpan.FromSeconds(seconds * (0.8 + 0.4 * random));
        if (retryAfter is { } asked && asked > delay)
            delay = asked < Longest ? asked : Longest;
        return delay;
    }
}
