using System.Net;
using Bayan.Localization;
using Bayan.Tests.Support;
using Npgsql;

namespace Bayan.Tests.ScaleOut;

/// <summary>
/// The network to PostgreSQL is cut (a relay in front of the real server drops every connection and
/// refuses new ones) and restored: the node answers 503 with a clear page meanwhile and serves again
/// by itself, without a restart.
/// </summary>
[Collection(ScaleOutCollection.Name)]
[Trait(Suite.Category, Suite.Database)]
public sealed class DatabaseLossTests : IAsyncLifetime
{
    private TcpForwarder relay = null!;
    private Nodes nodes = null!;

    public async Task InitializeAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer);
        relay = new TcpForwarder(server.Host!, server.Port);
        nodes = await Nodes.StartAsync(count: 1, database: (_, _) => ("127.0.0.1", relay.Port));
    }

    public async Task DisposeAsync()
    {
        relay.Restore();
        await nodes.DisposeAsync();
        await relay.DisposeAsync();
    }

    [Fact]
    public async Task Without_its_database_a_node_answers_503_with_a_clear_page_and_recovers_by_itself()
    {
        var node = nodes.A;
        var office = await node.Seed.OfficeAsync();
        await ScaleOutSteps.PublishedAsync(node, office, "kept");
        using var editor = new AdminClient(node.BaseAddress);
        Assert.True(await editor.SignInAsync(nodes.Administrator.Email!, Seed.Password));
        var kept = $"/en/{office.Code}/";
        Assert.True(await Eventually.TrueAsync(async () =>
            (await node.Http.GetAsync(kept)).Headers.TryGetValues("X-Cache", out var cache) && cache.Single() == "hit"));

        relay.Cut();

        // What the cache holds needs no database.
        Assert.True(await ScaleOutSteps.ShowsAsync(node, kept, "Statement kept 0"));

        // Pages nobody asked for yet, so none is in the cache.
        var page = await node.Http.GetAsync($"/ar/{office.Code}/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains(Messages.Get("ar", "unavailable_message"), text);
        Assert.Contains("dir=\"rtl\"", text);
        Assert.DoesNotContain("Exception", text);

        var backOffice = await editor.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, backOffice.StatusCode);
        Assert.NotNull(backOffice.Headers.RetryAfter);
        Assert.Contains(Messages.Get("en", "unavailable_message"), await backOffice.Content.ReadAsStringAsync());

        var health = await node.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.StartsWith("Unhealthy", await health.Content.ReadAsStringAsync());

        relay.Restore();

        Assert.True(await Eventually.TrueAsync(async () => (await node.Http.GetAsync("/health")).StatusCode == HttpStatusCode.OK),
            "the node's health did not recover once the database was back");
        Assert.True(await ScaleOutSteps.ShowsAsync(node, $"/ar/{office.Code}/", "بيان kept 0"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
    }
}
