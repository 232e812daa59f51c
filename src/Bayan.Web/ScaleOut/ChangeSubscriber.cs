using Bayan.Changes;
using StackExchange.Redis;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// Hears the changes other nodes publish and hands each, in the order they came, to this node's own
/// listeners (its output cache guard, its in-process copies), never back to Redis.
/// </summary>
internal sealed class ChangeSubscriber(RedisLink link, IServiceScopeFactory scopes, ILogger<ChangeSubscriber> log)
{
    private ChannelMessageQueue? queue;

    /// <summary>Subscribes unless it already has; the connection restores the subscription after a loss by itself.</summary>
    public async Task EnsureSubscribedAsync()
    {
        if (queue is not null)
            return;
        queue = await link.Multiplexer.GetSubscriber().SubscribeAsync(link.Changes);
        queue.OnMessage(HearAsync);
    }

    private async Task HearAsync(ChannelMessage message)
    {
        if (ChangeMessages.Read(message.Message) is not var (node, change) || node == link.Node)
            return;
        using var scope = scopes.CreateScope();
        foreach (var listener in scope.ServiceProvider.GetServices<IContentChangeListener>())
        {
            // Told already by the node that saved it.
            if (listener is IPassesChangesOn)
                continue;
            try
            {
                await listener.ChangedAsync(change);
            }
            catch (Exception e)
            {
                log.LogError(e, "{Listener} failed to hear of {Change} from another node.", listener.GetType().Name, change);
            }
        }
    }

    public async Task UnsubscribeAsync()
    {
        if (queue is not null)
            await queue.UnsubscribeAsync();
    }
}
