using Microsoft.Extensions.Logging;

namespace Bayan.Changes;

/// <summary>
/// What services announce their changes to: it tells every registered <see cref="IContentChangeListener"/>
/// in turn. One listener failing does not spare the others their copies; the change is saved either way.
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
                log.LogError(e, "{Listener} could not take in {Change}; what it keeps may be stale until it expires.", listener.GetType().Name, change);
            }
        }
    }
}
