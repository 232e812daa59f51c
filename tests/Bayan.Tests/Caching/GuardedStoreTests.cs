using Bayan.Web.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Caching;

/// <summary>
/// A store whose writes land later than they are started (Redis's do): an eviction may pass the
/// ledger's check after a write began and reach the store before the write lands. The old copy must
/// still not be kept.
/// </summary>
public sealed class GuardedStoreTests
{
    private static readonly byte[] OldPage = "old"u8.ToArray();

    private readonly LateStore late = new();
    private readonly EvictionLedger ledger = new();
    private readonly GuardedStore guarded;

    public GuardedStoreTests() => guarded = new GuardedStore(late, ledger, new HttpContextAccessor(), new FrontCopies(new PageCacheOptions(), TimeProvider.System));

    [Fact]
    public async Task A_copy_whose_write_lands_after_an_eviction_of_one_of_its_tags_is_not_kept()
    {
        var begun = ledger.Count;
        var storing = guarded.StoreAsync(begun, "page", OldPage, [CacheTags.Everything, "release:7"], TimeSpan.FromMinutes(1), default);
        await late.WriteStarted;

        // The change: checked after the write began, so the ledger let the write go ahead.
        await guarded.EvictByTagAsync("release:7", default);
        late.Land();
        await storing;

        Assert.Null(await guarded.GetAsync("page", default));
    }

    [Fact]
    public async Task A_copy_whose_write_lands_after_an_eviction_of_other_tags_is_kept()
    {
        var begun = ledger.Count;
        var storing = guarded.StoreAsync(begun, "page", OldPage, [CacheTags.Everything, "release:7"], TimeSpan.FromMinutes(1), default);
        await late.WriteStarted;

        await guarded.EvictByTagAsync("release:8", default);
        late.Land();
        await storing;

        Assert.Equal(OldPage, await guarded.GetAsync("page", default));
    }

    [Fact]
    public async Task A_copy_begun_before_an_eviction_is_not_even_written()
    {
        var begun = ledger.Count;
        await guarded.EvictByTagAsync("release:7", default);

        await guarded.StoreAsync(begun, "page", OldPage, [CacheTags.Everything, "release:7"], TimeSpan.FromMinutes(1), default);

        Assert.False(late.WriteStarted.IsCompleted);
        Assert.Null(await guarded.GetAsync("page", default));
    }

    /// <summary>ASP.NET Core's own memory store, whose writes land only when the test says so.</summary>
    private sealed class LateStore : IOutputCacheStore
    {
        private readonly IOutputCacheStore memory =
            new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider().GetRequiredService<IOutputCacheStore>();
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource landing = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WriteStarted => started.Task;

        public void Land() => landing.SetResult();

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken ct) => memory.GetAsync(key, ct);

        public ValueTask EvictByTagAsync(string tag, CancellationToken ct) => memory.EvictByTagAsync(tag, ct);

        public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken ct)
        {
            started.SetResult();
            await landing.Task;
            await memory.SetAsync(key, value, tags, validFor, ct);
        }
    }
}
