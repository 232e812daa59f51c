using Bayan.Data;
using StackExchange.Redis;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// ConnectionStrings:Redis (switch --redis), e.g. "127.0.0.1:6379" or "redis.lan:6379,password=...".
/// Without it Bayan is one node with its cache in memory, as always.
/// </summary>
internal static class RedisSettings
{
    public const string Key = "ConnectionStrings:Redis";

    public static ConfigurationOptions? Read(IConfiguration configuration)
    {
        var text = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(text))
            return null;
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"{Key} (switch --redis) is not a Redis connection string such as \"127.0.0.1:6379\": {e.Message}", e);
        }
        if (options.EndPoints.Count == 0)
            throw new StartupException($"{Key} (switch --redis) names no server; give one such as \"127.0.0.1:6379\".");

        // A node must start and serve while Redis is away, and no request may wait long on a dead one.
        // Values the connection string gives itself are kept.
        options.AbortOnConnectFail = false;
        if (!Mentions(text, "connectTimeout"))
            options.ConnectTimeout = 2000;
        if (!Mentions(text, "syncTimeout"))
            options.SyncTimeout = 1000;
        if (!Mentions(text, "asyncTimeout"))
            options.AsyncTimeout = 1000;
        if (!Mentions(text, "keepAlive"))
            options.KeepAlive = 5;
        // Try again every second rather than backing off for minutes: the node heals soon after Redis does.
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ClientName ??= "bayan";
        return options;
    }

    private static bool Mentions(string text, string option) =>
        text.Contains(option + "=", StringComparison.OrdinalIgnoreCase);
}
