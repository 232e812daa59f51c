using System.Net;
using AngleSharp.Html.Parser;
using Bayan.Tests.Support;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Webhooks;

/// <summary>
/// A site whose clock the tests move, which may deliver to 127.0.0.1 (the test receiver), links to
/// its public address, gives up on a receiver after 2 s and turns an endpoint off after two days of failing.
/// </summary>
public sealed class WebhookTestSite : TestSite
{
    public const string PublicUrl = "https://news.example.org";

    public WebhookTestSite() => Clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Bayan:Webhooks:AllowPrivateAddresses"] = "true";
        settings["Bayan:Webhooks:Timeout"] = "00:00:02";
        settings["Bayan:Webhooks:DisableAfter"] = "2.00:00:00";
        settings["Bayan:PublicUrl"] = PublicUrl;
    }

    /// <summary>Moves the clock on; the sender, which looks every second or when woken, sends what fell due.</summary>
    public void Advance(TimeSpan by) => Clock!.Now += by;

    /// <summary>An administrator registers <paramref name="url"/> in the back office; the receiver learns the secret shown once.</summary>
    public async Task<int> RegisterAsync(AdminClient admin, WebhookReceiver receiver, string url, int? officeId, string[] events, string? language = null)
    {
        List<KeyValuePair<string, string>> form = [new("Url", url), new("Description", "test receiver")];
        form.AddRange(events.Select(e => new KeyValuePair<string, string>("Events", e)));
        form.Add(new("OfficeId", officeId?.ToString() ?? ""));
        form.Add(new("Language", language ?? ""));
        var response = await admin.PostFormAsync("/admin/webhooks/new", form);
        var page = await Page(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"registering answered {(int)response.StatusCode}: {page.QuerySelector(".error")?.TextContent}");
        var secret = page.QuerySelector("input#secret")?.GetAttribute("value");
        Assert.StartsWith(WebhookSecret.Prefix, secret);
        receiver.Secrets.Add(secret!);
        return await Seed.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.Url == url).OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync());
    }

    public static async Task<AngleSharp.Dom.IDocument> Page(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public Task<List<WebhookAttempt>> AttemptsAsync(int endpointId) => Seed.WithDbAsync(db =>
        db.WebhookAttempts.Where(a => db.WebhookDeliveries.Any(d => d.Id == a.DeliveryId && d.EndpointId == endpointId))
            .OrderBy(a => a.Id).ToListAsync());
}
