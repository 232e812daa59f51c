using Bayan.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// The output cache of a node among several: pages live in Redis, shared by every node. While Redis
/// cannot be reached the node keeps pages in its own memory instead, and only for
/// <see cref="LocalLifetime"/>, since it cannot hear of changes made on other nodes meanwhile
/// (<see cref="RedisWatch"/> drops them all when the link goes down and when it comes back).
/// A failing Redis call is a miss, never an error page.
/// </summary>
internal sealed class FailoverPageStore(RedisLink link, IOutputCacheStore shared, IOutputCacheStore local, ILogger<FailoverPageStore> log)
    : IOutputCacheStore, IKeepsBriefly, IDisposable
{
    public static readonly TimeSpan LocalLifetime = TimeSpan.FromSeconds(5);

    private int missedEviction;

    public bool KeepsBriefly => !link.IsUp;

    /// <summary>True once after an eviction could not reach Redis: its pages there may now be stale.</summary>
    public bool TakeMissedEviction() => Interlocked.Exchange(ref missedEviction, 0) == 1;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        if (!link.IsUp)
            return await local.GetAsync(key, ct);
        try
        {
            return await shared.GetAsync(key, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogDebug(e, "Reading a page from Redis failed; rendering it.");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken ct)
    {
        if (!link.IsUp)
        {
            await local.SetAsync(key, value, tags, validFor < LocalLifetime ? validFor : LocalLifetime, ct);
            return;
        }
        try
        {
            await shared.SetAsync(key, value, tags, validFor, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogDebug(e, "Keeping a page in Redis failed; it is rendered again next time.");
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken ct)
    {
        await local.EvictByTagAsync(tag, ct);
        if (!link.IsUp)
            return;
        try
        {
            await shared.EvictByTagAsync(tag, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Redis went away in the middle: when it answers again, RedisWatch evicts every shared page.
            Interlocked.Exchange(ref missedEviction, 1);
            log.LogWarning(e, "Evicting {Tag} in Redis failed; every shared page is evicted once Redis is back.", tag);
        }
    }

    /// <summary>The Redis store runs a clean-up loop of its own until it is disposed.</summary>
    public void Dispose()
    {
        (shared as IDisposable)?.Dispose();
        (local as IDisposable)?.Dispose();
    }
}
