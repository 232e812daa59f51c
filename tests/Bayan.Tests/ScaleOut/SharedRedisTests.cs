using System.Net;
using Bayan.Data;
using Bayan.Tests.Support;
using Bayan.Web.ScaleOut;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Bayan.Tests.ScaleOut;

/// <summary>
/// Two sites, each with its own database and its own Bayan:Redis:Prefix, share one Redis: each
/// keeps its keys and channel under its own prefix, so neither hears the other's changes nor
/// accepts the other's sign-ins.
/// </summary>
[Collection(ScaleOutCollection.Name)]
[Trait(Suite.Category, Suite.Database)]
public sealed class SharedRedisTests : IAsyncLifetime
{
    private readonly string prefixX = $"site-x-{Guid.NewGuid():N}";
    private readonly string prefixY = $"site-y-{Guid.NewGuid():N}";
    private Nodes siteX = null!;
    private Nodes siteY = null!;
    private ConnectionMultiplexer redis = null!;

    public async Task InitializeAsync()
    {
        siteX = await Nodes.StartAsync(count: 1, prefix: prefixX);
        siteY = await Nodes.StartAsync(count: 1, prefix: prefixY);
        redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Shared);
    }

    public async Task DisposeAsync()
    {
        await siteX.DisposeAsync();
        await siteY.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task Each_site_keeps_its_pages_channel_and_keys_under_its_own_prefix()
    {
        var office = await siteX.A.Seed.OfficeAsync();
        await ScaleOutSteps.PublishedAsync(siteX.A, office, "x");
        Assert.True(await Eventually.TrueAsync(async () =>
            (await siteX.A.Http.GetAsync($"/en/{office.Code}/")).Headers.TryGetValues("X-Cache", out var cache) && cache.Single() == "hit"));
        using var editor = new AdminClient(siteX.A.BaseAddress);
        Assert.True(await editor.SignInAsync(siteX.Administrator.Email!, Seed.Password));

        var server = redis.GetServers().Single();
        Assert.NotEmpty(server.Keys(pattern: $"{prefixX}:pages:*").Take(1));
        Assert.True(await redis.GetDatabase().KeyExistsAsync($"{prefixX}:data-protection-keys"));
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var channels = (await server.SubscriptionChannelsAsync(RedisChannel.Pattern("site-*"))).Select(c => c.ToString()).ToList();
            return channels.Contains($"{prefixX}:changes") && channels.Contains($"{prefixY}:changes");
        }), "each site's nodes did not subscribe to a channel of its own");

        // The same browser, now at the other site: its cookie is protected with keys site Y does not have.
        using var atY = new HttpClient(new HttpClientHandler { CookieContainer = editor.Cookies, AllowAutoRedirect = false })
            { BaseAddress = siteY.A.BaseAddress };
        var dashboard = await atY.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/admin/login", new Uri(siteY.A.BaseAddress, dashboard.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public void A_prefix_that_is_not_a_plain_name_stops_the_start_with_a_clear_message()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Bayan:Redis:Prefix", "my site:*")]).Build();

        var error = Assert.Throws<StartupException>(() => RedisSettings.ReadPrefix(settings));

        Assert.Contains("Bayan:Redis:Prefix", error.Message);
        Assert.Equal("bayan", RedisSettings.ReadPrefix(new ConfigurationBuilder().Build()));
    }
}
