using StackExchange.Redis;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// Among several nodes the data-protection keys (sign-in cookies, form tokens) live in Redis. A node
/// that has not read them yet (it started while Redis was away) cannot sign anyone in or check a
/// form until Redis answers; such a request gets the outage page saying so (503, Retry-After), never
/// an error page, while readers' pages are served as usual. Keys once read are kept in memory, so a
/// later loss of Redis does not end anyone's session.
/// </summary>
internal static class KeyRingOutage
{
    public const string MessageKey = "keys_unavailable_message";

    /// <summary>The failure, or one it wraps (the key ring wraps its store's), is Redis being away.</summary>
    public static bool Caused(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is RedisException or RedisTimeoutException)
                return true;
        }
        return false;
    }
}
