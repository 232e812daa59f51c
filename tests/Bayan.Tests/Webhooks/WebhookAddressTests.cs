using System.Net;
using Bayan.Tests.Api;
using Bayan.Tests.Support;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Webhooks;

/// <summary>A site as installed: deliveries may reach only public addresses.</summary>
public sealed class GuardedWebhookSite : TestSite
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Bayan:Webhooks:Timeout"] = "00:00:02";
}

/// <summary>Webhooks cannot be aimed at the server's own machine or network (SSRF), whatever name is given for it.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class WebhookAddressTests(GuardedWebhookSite site) : WebhookTests<GuardedWebhookSite>(site)
{
    private static async Task<IPAddress[]> Resolve(string name)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(name);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return [];
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/hook")]
    [InlineData("http://localhost:{0}/hook")]
    [InlineData("http://[::1]:{0}/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.8/hook")]
    public async Task A_written_out_private_address_is_refused_when_registered(string url)
    {
        var before = await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync());

        var response = await Admin.PostFormAsync("/admin/webhooks/new",
            [new("Url", string.Format(url, Receiver.Address.Port)), new("Events", WebhookEventTypes.ReleasePublished)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("private network", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync()));
    }

    [Fact]
    public async Task The_api_refuses_a_private_address_with_problem_details_and_saves_nothing()
    {
        var api = await AdminApiAsync();
        var before = await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync());

        var response = await api.PostAsync("/api/v1/webhooks", new { url = Receiver.Url, events = new[] { WebhookEventTypes.ReleasePublished } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal("webhook_url_private", (string)problem["codes"]!["url"]!);
        Assert.Contains("private network", (string)problem["errors"]!["url"]![0]!);
        Assert.Equal(before, await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync()));
    }

    [Fact]
    public async Task A_name_that_resolves_to_this_machine_is_refused_when_a_delivery_connects()
    {
        // A name of this machine: written out it looks like any other, resolved it is loopback or a private address.
        string? name = null;
        foreach (var candidate in new[] { Dns.GetHostName(), "ip6-localhost", "localhost.localdomain" })
        {
            var addresses = await Resolve(candidate);
            if (addresses.Length > 0 && addresses.All(a => !AddressRules.IsPublic(a)))
            {
                name = candidate;
                break;
            }
        }
        Assert.True(name is not null, $"the test needs a name of this machine that resolves to non-public addresses; {Dns.GetHostName()} does not");
        var office = await Site.Seed.OfficeAsync();
        var response = await Admin.PostFormAsync("/admin/webhooks/new",
            [new("Url", $"http://{name}:{Receiver.Address.Port}/hook"), new("Events", WebhookEventTypes.ReleasePublished), new("OfficeId", office.Id.ToString())]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var endpointId = await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.OfficeId == office.Id).Select(e => e.Id).SingleAsync());

        await Site.PublishedAsync(office, "inside");

        Assert.True(await Eventually.TrueAsync(() => Site.Seed.WithDbAsync(db => db.WebhookAttempts.AnyAsync(a =>
            db.WebhookDeliveries.Any(d => d.Id == a.DeliveryId && d.EndpointId == endpointId)))));
        var attempt = await Site.Seed.WithDbAsync(db => db.WebhookAttempts.FirstAsync(a => db.WebhookDeliveries.Any(d => d.Id == a.DeliveryId && d.EndpointId == endpointId)));
        Assert.Null(attempt.StatusCode);
        Assert.StartsWith("webhook_error_refused", attempt.Error);
        Assert.Empty(Receiver.All);
        var log = await Admin.PageAsync($"/admin/webhooks/{endpointId}/deliveries");
        Assert.Contains("is not a public address", log.QuerySelector("table.deliveries")!.TextContent);
    }
}
