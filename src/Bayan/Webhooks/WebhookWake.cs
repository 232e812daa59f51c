using Bayan.Changes;

namespace Bayan.Webhooks;

/// <summary>
/// Wakes the sender when something was saved, so a delivery leaves at once rather than at the next
/// look (every second): after every announced change (this node's or, through Redis, another's) and
/// after an administrator's ping or sending again.
/// </summary>
public sealed class WebhookWake
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: once is enough.
        }
    }

    /// <summary>Sleeps until woken or for <paramref name="nap"/> at most.</summary>
    public Task WaitAsync(TimeSpan nap, CancellationToken ct) => signal.WaitAsync(nap, ct);
}

internal sealed class WakeOnChange(WebhookWake wake) : IContentChangeListener
{
    public ValueTask ChangedAsync(ContentChange change)
    {
        wake.Wake();
        return ValueTask.CompletedTask;
    }
}
