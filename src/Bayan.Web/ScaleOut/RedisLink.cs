using StackExchange.Redis;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// This node's one connection to Redis, shared by the page store, the change messages and the
/// data-protection keys. It never throws for a missing server: it reconnects in the background, and
/// <see cref="IsUp"/> says whether it may be used right now.
/// </summary>
internal sealed class RedisLink : IDisposable
{
    /// <summary>The channel of content changes; <see cref="ChangeFanOut"/> publishes, <see cref="ChangeSubscriber"/> listens.</summary>
    public static readonly RedisChannel Changes = RedisChannel.Literal("bayan:changes");

    public const string PagePrefix = "bayan:pages:";
    public const string KeyRing = "bayan:data-protection-keys";

    private readonly Lazy<ConnectionMultiplexer> connection;

    public RedisLink(ConfigurationOptions options, ILogger<RedisLink> log)
    {
        connection = new(() =>
        {
            var multiplexer = ConnectionMultiplexer.Connect(options);
            multiplexer.ConnectionFailed += (_, e) =>
                log.LogWarning("Redis connection ({Type}) lost: {Failure}.", e.ConnectionType, e.FailureType);
            multiplexer.ConnectionRestored += (_, e) =>
                log.LogInformation("Redis connection ({Type}) restored.", e.ConnectionType);
            return multiplexer;
        });
    }

    /// <summary>A name for this process, so that it can tell its own messages from other nodes'.</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public IConnectionMultiplexer Multiplexer => connection.Value;

    /// <summary>Both the command and the subscription connection are up: pages may be shared and changes heard.</summary>
    public bool IsUp => Multiplexer.IsConnected && Multiplexer.GetSubscriber().IsConnected(Changes);

    public void Dispose()
    {
        if (connection.IsValueCreated)
            connection.Value.Dispose();
    }
}
