using Microsoft.Extensions.Logging;

namespace Bayan.Changes;

/// <summary>
/// The <see cref="IContentChanges"/> services call after they commit: it tells every listener. A
/// listener that fails does not keep the others from hearing; the change is saved whatever happens.
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
