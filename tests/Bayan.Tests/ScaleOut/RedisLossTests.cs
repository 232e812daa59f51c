using System.Net;
using Bayan.Changes;
using Bayan.Tests.Support;
using Bayan.Web.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.ScaleOut;

/// <summary>
/// Redis goes away and comes back (a redis-server of this test's own): the nodes keep serving, say
/// they are degraded, show fresh content meanwhile, and share again by themselves once it is back.
/// </summary>
[Collection(ScaleOutCollection.Name)]
[Trait(Suite.Category, Suite.Database)]
public sealed class RedisLossTests : IAsyncLifetime
{
    private readonly PrivateRedis redis = new();
    private Nodes nodes = null!;

    public async Task InitializeAsync()
    {
        await redis.StartAsync();
        try
        {
            nodes = await Nodes.StartAsync(redis: redis.Address);
        }
        catch
        {
            // xUnit does not dispose of a class whose start failed: its redis-server would be left running.
            await redis.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await nodes.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task Nodes_serve_without_redis_say_so_and_recover_when_it_is_back()
    {
        var office = await nodes.A.Seed.OfficeAsync();
        var listing = $"/en/{office.Code}/";
        await ScaleOutSteps.PublishedAsync(nodes.A, office, "before");
        Assert.True(await Eventually.TrueAsync(async () => await nodes.A.HealthAsync() == "Healthy" && await nodes.B.HealthAsync() == "Healthy"));
        Assert.True(await ScaleOutSteps.ShowsAsync(nodes.B, listing, "Statement before 0"));

        await redis.StopAsync();

        Assert.True(await Eventually.TrueAsync(async () => (await nodes.A.HealthAsync()).StartsWith("Degraded", StringComparison.Ordinal)),
            "node A's health did not turn degraded without Redis");
        var health = await nodes.A.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("redis: Degraded - Redis cannot be reached", await health.Content.ReadAsStringAsync());
        Assert.True(await ScaleOutSteps.ShowsAsync(nodes.A, listing, "Statement before 0"));
        Assert.True(await Eventually.TrueAsync(async () => (await nodes.B.HealthAsync()).StartsWith("Degraded", StringComparison.Ordinal)),
            "node B's health did not turn degraded without Redis");
        // Read again and again on node B: served from its brief copy, which the front door must not take.
        for (var i = 0; i < 3; i++)
            Assert.True(await ScaleOutSteps.ShowsAsync(nodes.B, listing, "Statement before 0"));
        Assert.Equal(0, nodes.B.Services.GetRequiredService<FrontCopies>().Count);
        await ScaleOutSteps.PublishedAsync(nodes.A, office, "cut-off");
        // Node B cannot hear of it: its own copies are kept only briefly, so it shows the release soon.
        Assert.True(await ScaleOutSteps.ShowsAsync(nodes.A, listing, "Statement cut-off 0"));
        Assert.True(await Eventually.TrueAsync(() => ScaleOutSteps.ShowsAsync(nodes.B, listing, "Statement cut-off 0")),
            "node B kept showing its listing without the release published on A while Redis was away");

        await redis.StartAsync();

        Assert.True(await Eventually.TrueAsync(async () => await nodes.A.HealthAsync() == "Healthy" && await nodes.B.HealthAsync() == "Healthy"),
            "the nodes did not return to healthy once Redis was back");
        var id = await ScaleOutSteps.PublishedAsync(nodes.A, office, "after");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(nodes.B.Heard.All.OfType<ContentChange.Release>().Any(r => r.Id == id))),
            "node B did not hear of a change on node A once Redis was back");
        Assert.True(await ScaleOutSteps.ShowsAsync(nodes.B, listing, "Statement after 0"));
    }

    [Fact]
    public async Task After_a_connection_to_redis_is_cut_for_a_moment_every_node_drops_everything()
    {
        Assert.True(await Eventually.TrueAsync(async () => await nodes.A.HealthAsync() == "Healthy" && await nodes.B.HealthAsync() == "Healthy"));
        var before = nodes.All.Select(DropsHeard).ToList();

        // Redis closes the nodes' subscriptions, as when it restarts or the network drops them: a
        // change published meanwhile would be lost, so nothing kept before may be trusted.
        await using (var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"{redis.Address},allowAdmin=true"))
            await admin.GetServers().Single().ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(nodes.All.Select(DropsHeard).Zip(before).All(n => n.First > n.Second))),
            "a node did not drop everything after its connection to Redis was cut and restored");
        Assert.True(await Eventually.TrueAsync(async () => await nodes.A.HealthAsync() == "Healthy" && await nodes.B.HealthAsync() == "Healthy"));
    }

    private static int DropsHeard(Node node) => node.Heard.All.OfType<ContentChange.Everything>().Count();
}
