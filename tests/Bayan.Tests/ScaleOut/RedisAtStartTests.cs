using System.Net;
using Bayan.Localization;
using Bayan.Tests.Support;

namespace Bayan.Tests.ScaleOut;

/// <summary>
/// A node started while Redis is away (its own redis-server, started only later): readers are
/// served, the health check says degraded, signing in is refused with a clear page (the keys that
/// protect sign-in cookies live in Redis), and everything works once Redis is there.
/// </summary>
[Collection(ScaleOutCollection.Name)]
[Trait(Suite.Category, Suite.Database)]
public sealed class RedisAtStartTests : IAsyncLifetime
{
    private readonly PrivateRedis redis = new();
    private Nodes nodes = null!;

    public async Task InitializeAsync() => nodes = await Nodes.StartAsync(count: 1, redis: redis.Address);

    public async Task DisposeAsync()
    {
        await nodes.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task A_node_started_without_redis_serves_readers_refuses_sign_in_clearly_and_recovers()
    {
        var node = nodes.A;
        var office = await node.Seed.OfficeAsync();
        var id = await ScaleOutSteps.PublishedAsync(node, office, "alone");

        Assert.True(await ScaleOutSteps.ShowsAsync(node, $"/en/{office.Code}/", "Statement alone 0"));
        Assert.True(await ScaleOutSteps.ShowsAsync(node, $"/en/{office.Code}/{id}/alone-0", "Statement alone 0"));
        Assert.True(await ScaleOutSteps.ShowsAsync(node, "/ar/", "بيان alone 0"));
        var health = await node.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("redis: Degraded - Redis cannot be reached", await health.Content.ReadAsStringAsync());

        using var editor = new AdminClient(node.BaseAddress);
        var login = await editor.GetAsync("/admin/login");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        Assert.NotNull(login.Headers.RetryAfter);
        var text = await login.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(Messages.Get("en", "keys_unavailable_message")), text);
        Assert.DoesNotContain("Exception", text);
        Assert.False(await editor.SignInAsync(nodes.Administrator.Email!, Seed.Password));

        await redis.StartAsync();

        Assert.True(await Eventually.TrueAsync(async () => await node.HealthAsync() == "Healthy"),
            "the node did not turn healthy once Redis was there");
        Assert.True(await Eventually.TrueAsync(() => editor.SignInAsync(nodes.Administrator.Email!, Seed.Password)),
            "signing in still failed once Redis was there");
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
    }
}
