using System.Text.RegularExpressions;
using Bayan.Data;
using StackExchange.Redis;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// ConnectionStrings:Redis (switch --redis), e.g. "127.0.0.1:6379" or "redis.lan:6379,password=...".
/// Without it Bayan is one node with its cache in memory, as always. Bayan:Redis:Prefix (default
/// "bayan") begins every key and channel name, so several sites can share one Redis, each with its own.
/// </summary>
internal static partial class RedisSettings
{
    public const string Key = "ConnectionStrings:Redis";
    public const string PrefixKey = "Bayan:Redis:Prefix";
    public const string DefaultPrefix = "bayan";

    /// <summary>The prefix of every key and channel name; the nodes of one site must all give the same.</summary>
    public static string ReadPrefix(IConfiguration configuration)
    {
        var prefix = configuration[PrefixKey];
        if (prefix is null)
            return DefaultPrefix;
        if (!PrefixPattern().IsMatch(prefix))
            throw new StartupException(
                $"{PrefixKey} is \"{prefix}\": give 1 to 64 letters, digits, dots, hyphens or underscores, such as \"newsroom-ar\".");
        return prefix;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex PrefixPattern();

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
