using Bayan.Changes;
using StackExchange.Redis;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// The listener that tells the other nodes: a change saved here is published on Redis, and every
/// other node's <see cref="ChangeSubscriber"/> hands it to its own listeners.
/// </summary>
internal sealed class ChangeFanOut(RedisLink link, RedisWatch watch, ILogger<ChangeFanOut> log) : IContentChangeListener, IPassesChangesOn
{
    public async ValueTask ChangedAsync(ContentChange change)
    {
        // Cut off, the message would be lost anyway: RedisWatch tells every node to drop everything
        // once this node is back.
        if (!link.IsUp)
        {
            watch.MissedMessage();
            return;
        }
        try
        {
            await link.Multiplexer.GetSubscriber().PublishAsync(link.Changes, ChangeMessages.Write(link.Node, change));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            watch.MissedMessage();
            log.LogWarning(e, "Telling other nodes of {Change} failed; they drop everything once Redis is back.", change);
        }
    }
}
