using Microsoft.Extensions.Logging;

namespace Bayan.Changes;

/// <summary>
/// Hands every saved change to each listener in turn. A listener that fails is logged and the
/// others still hear of the change: the change is committed, and every copy left behind would be stale.
/// </summary>
public sealed class ContentChangeHub(IEnumerable<IContentChangeListener> listeners, ILogger<ContentChangeHub> log) : IContentChanges
{
    public async Task SavedAsync(ContentChange change)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.ChangedAsync(change);
            }
            catch (Exception e)
            {
                log.LogError(e, "{Listener} failed to hear of {Change}.", listener.GetType().Name, change);
            }
        }
    }
}
