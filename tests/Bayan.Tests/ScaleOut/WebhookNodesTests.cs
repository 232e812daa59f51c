using Bayan.Releases;
using Bayan.Tests.Support;
using Bayan.Tests.Webhooks;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.ScaleOut;

/// <summary>Two nodes on one PostgreSQL and one Redis, both sending webhooks: each event reaches the receiver once.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait(Suite.Category, Suite.Database)]
public sealed class WebhookNodesTests : IAsyncLifetime
{
    private Nodes nodes = null!;
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        nodes = await Nodes.StartAsync(more: new Dictionary<string, string?> { ["Bayan:Webhooks:AllowPrivateAddresses"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await nodes.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Releases_published_on_both_nodes_are_each_delivered_once_with_both_senders_running()
    {
        var office = await nodes.A.Seed.OfficeAsync();
        // Registered on A, as an administrator would there: the secret is encrypted with the keys the nodes share through Redis.
        string? secret;
        using (var scope = nodes.A.Services.CreateScope())
        {
            (var outcome, secret) = await scope.ServiceProvider.GetRequiredService<ManageWebhooks>().SaveAsync(Bayan.Accounts.Actor.System("tests"),
                new WebhookForm(null, receiver.Url, "", [WebhookEventTypes.ReleasePublished, WebhookEventTypes.ReleaseUpdated], office.Id, null), default);
            Assert.IsType<Bayan.Operations.Outcome.Done>(outcome);
        }
        receiver.Secrets.Add(secret!);
        var stored = await nodes.A.Seed.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.OfficeId == office.Id).Select(e => e.Secret).SingleAsync());
        Assert.False(WebhookSecretVault.IsPlain(stored));
        // B, with a data folder of its own, reads it as A does.
        Assert.Equal(secret, nodes.B.Services.GetRequiredService<WebhookSecretVault>().Open(stored));
        // Due together a little later, so both nodes' schedulers and senders wake to the same work.
        var ids = await ScaleOutSteps.ReleasesAsync(nodes.A, office, "hooks", 30, DateTime.UtcNow.AddSeconds(3));

        Assert.True(await Eventually.TrueAsync(() => nodes.A.Seed.WithDbAsync(async db =>
            await db.WebhookDeliveries.CountAsync(d => d.Status == DeliveryStatus.Delivered) == 30), 300),
            $"delivered {receiver.All.Count} of 30");
        // Both senders look once more: nothing is left for either.
        foreach (var node in nodes.All)
            Assert.Equal(0, await node.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<WebhookSender>().Single().SendDueAsync(default));

        var got = receiver.All;
        Assert.Equal(30, got.Count);
        Assert.Equal(30, got.Select(r => r.Id).Distinct().Count());
        Assert.Equal(ids.Order(), got.Select(r => r.ReleaseId!.Value).Order());
        Assert.All(got, r => Assert.True(r.Verified));
        Assert.All(got, r => Assert.Equal("release.published", r.Type));
        Assert.Equal(30, await nodes.A.Seed.WithDbAsync(db => db.WebhookAttempts.CountAsync()));
        Assert.True(await nodes.A.Seed.WithDbAsync(db => db.Releases.Where(r => ids.Contains(r.Id)).AllAsync(r => r.Status == ReleaseStatus.Published)));
    }
}
