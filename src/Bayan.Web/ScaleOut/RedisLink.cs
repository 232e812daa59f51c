using StackExchange.Redis;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// This node's one connection to Redis, shared by the page store, the change messages and the
/// data-protection keys. It never throws for a missing server: it reconnects in the background, and
/// <see cref="IsUp"/> says whether it may be used right now.
/// </summary>
internal sealed class RedisLink : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> connection;
    private long failures;

    /// <param name="prefix">Begins every key and channel name, so that several sites can share one Redis (<see cref="RedisSettings.PrefixKey"/>).</param>
    public RedisLink(ConfigurationOptions options, string prefix, ILogger<RedisLink> log)
    {
        Changes = RedisChannel.Literal($"{prefix}:changes");
        PagePrefix = $"{prefix}:pages:";
        KeyRing = $"{prefix}:data-protection-keys";
        connection = new(() =>
        {
            var multiplexer = ConnectionMultiplexer.Connect(options);
            multiplexer.ConnectionFailed += (_, e) =>
            {
                Interlocked.Increment(ref failures);
                log.LogWarning("Redis connection ({Type}) lost: {Failure}.", e.ConnectionType, e.FailureType);
            };
            multiplexer.ConnectionRestored += (_, e) =>
                log.LogInformation("Redis connection ({Type}) restored.", e.ConnectionType);
            return multiplexer;
        });
    }

    /// <summary>A name for this process, so that it can tell its own messages from other nodes'.</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The channel of content changes; <see cref="ChangeFanOut"/> publishes, <see cref="ChangeSubscriber"/> listens.</summary>
    public RedisChannel Changes { get; }

    /// <summary>Begins the key of every page kept in Redis.</summary>
    public string PagePrefix { get; }

    /// <summary>The list that holds the data-protection keys (sign-in cookies, form tokens).</summary>
    public string KeyRing { get; }

    /// <summary>
    /// How many times a connection to Redis was lost so far. A loss too short for <see cref="IsUp"/>
    /// to be seen false may still have cost a change message, so <see cref="RedisWatch"/> counts these.
    /// </summary>
    public long Failures => Interlocked.Read(ref failures);

    public IConnectionMultiplexer Multiplexer => connection.Value;

    /// <summary>Both the command and the subscription connection are up: pages may be shared and changes heard.</summary>
    public bool IsUp => Multiplexer.IsConnected && Multiplexer.GetSubscriber().IsConnected(Changes);

    public void Dispose()
    {
        if (connection.IsValueCreated)
            connection.Value.Dispose();
    }
}
