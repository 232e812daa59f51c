using System.Net;
using Bayan.Accounts;
using Bayan.Operations;
using Bayan.Tests.Api;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.ScaleOut;

/// <summary>Two nodes on one PostgreSQL and one Redis: a token's rate limit holds across both, counted in Redis.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait(Suite.Category, Suite.Database)]
public sealed class TokenLimitNodesTests : IAsyncLifetime
{
    private const int Limit = 6;

    // At the start of a minute, so the test's requests fall in one window of the limit until it moves the clock.
    private readonly ManualClock clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60));
    private Nodes nodes = null!;

    public async Task InitializeAsync() =>
        // A prefix of its own: token numbers start at 1 in every test's database.
        nodes = await Nodes.StartAsync(prefix: $"limits-{Guid.NewGuid():N}", clock: clock,
            more: new Dictionary<string, string?> { ["Bayan:Api:RequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await nodes.DisposeAsync();

    [Fact]
    public async Task A_tokens_limit_holds_across_both_nodes_and_the_next_window_serves_again()
    {
        var user = await nodes.A.Seed.UserAsync(offices: [(await nodes.A.Seed.OfficeAsync()).Id]);
        var token = await nodes.A.InScopeAsync(async services =>
        {
            var (made, outcome) = await services.GetRequiredService<CreateToken>()
                .RunAsync(Actor.System("tests"), user.Id, new TokenRequest("spread", [TokenScope.Read], null), CancellationToken.None);
            Assert.IsType<Outcome.Done>(outcome);
            return made!;
        });
        using var atA = new ApiClient(nodes.A.BaseAddress, token.Secret);
        using var atB = new ApiClient(nodes.B.BaseAddress, token.Secret);
        const string path = "/api/v1/releases/999999/editor";
        clock.Now = clock.Now.AddSeconds(15);

        // Spread over both nodes: each alone has seen half the limit.
        for (var i = 0; i < Limit; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await (i % 2 == 0 ? atA : atB).GetAsync(path)).StatusCode);
        var limitedAtA = await atA.GetAsync(path);
        var limitedAtB = await atB.GetAsync(path);

        Assert.Equal(HttpStatusCode.TooManyRequests, limitedAtA.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(45), limitedAtA.Headers.RetryAfter!.Delta);
        Assert.Contains("45", (string)(await ApiClient.ProblemAsync(limitedAtA))["detail"]!);
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedAtB.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(45), limitedAtB.Headers.RetryAfter!.Delta);

        clock.Now = clock.Now.AddSeconds(45);
        Assert.Equal(HttpStatusCode.NotFound, (await atB.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await atA.GetAsync(path)).StatusCode);
    }
}

/// <summary>Redis goes away (a redis-server of this test's own): the API keeps answering tokens, each node counting their requests on its own.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait(Suite.Category, Suite.Database)]
public sealed class TokenLimitWithoutRedisTests : IAsyncLifetime
{
    private const int Limit = 4;
    private readonly ManualClock clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60));
    private readonly PrivateRedis redis = new();
    private Nodes nodes = null!;

    public async Task InitializeAsync()
    {
        await redis.StartAsync();
        try
        {
            nodes = await Nodes.StartAsync(redis: redis.Address, clock: clock,
                more: new Dictionary<string, string?> { ["Bayan:Api:RequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
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
    public async Task Without_redis_a_token_is_served_and_counted_on_each_node_alone()
    {
        var user = await nodes.A.Seed.UserAsync(offices: [(await nodes.A.Seed.OfficeAsync()).Id]);
        var token = await nodes.A.InScopeAsync(async services =>
            (await services.GetRequiredService<CreateToken>()
                .RunAsync(Actor.System("tests"), user.Id, new TokenRequest("outage", [TokenScope.Read], null), CancellationToken.None)).Token!);
        using var atA = new ApiClient(nodes.A.BaseAddress, token.Secret);
        using var atB = new ApiClient(nodes.B.BaseAddress, token.Secret);
        const string path = "/api/v1/releases/999999/editor";
        Assert.Equal(HttpStatusCode.NotFound, (await atA.GetAsync(path)).StatusCode);

        await redis.StopAsync();
        Assert.True(await Eventually.TrueAsync(async () =>
            (await nodes.A.HealthAsync()).StartsWith("Degraded", StringComparison.Ordinal) && (await nodes.B.HealthAsync()).StartsWith("Degraded", StringComparison.Ordinal)),
            "the nodes did not notice that Redis is away");

        // Served rather than refused; node A counts alone what it serves from now on, node B likewise.
        for (var i = 0; i < Limit; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await atA.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await atA.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await atB.GetAsync(path)).StatusCode);
    }
}
