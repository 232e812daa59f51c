using System.Net;
using Bayan.Tests.Support;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Webhooks;

/// <summary>What administrators do with webhooks in the back office, and what a receiver notices of it.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class WebhookAdminTests(WebhookTestSite site) : WebhookTests<WebhookTestSite>(site)
{
    private Task<HttpResponseMessage> PostAsync(int endpointId, string handler, params KeyValuePair<string, string>[] fields) =>
        Admin.PostFormAsync($"/admin/webhooks/{endpointId}", $"/admin/webhooks/{endpointId}?handler={handler}", fields);

    [Fact]
    public async Task A_ping_arrives_and_a_delivery_sent_again_arrives_again_with_the_same_id()
    {
        var office = await Site.Seed.OfficeAsync();
        var endpointId = await Site.RegisterAsync(Admin, Receiver, Receiver.Url, office.Id, [WebhookEventTypes.CommentCreated]);

        var ping = await PostAsync(endpointId, "Ping");

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Contains("A ping is on its way", WebUtility.HtmlDecode(await ping.Content.ReadAsStringAsync()));
        var got = Assert.Single(await Receiver.GotAsync(1));
        Assert.Equal("ping", got.Type);
        Assert.Equal(endpointId, got.Data.GetProperty("endpointId").GetInt32());
        Assert.True(got.Verified);
        Assert.True(await Eventually.TrueAsync(() => Site.Seed.WithDbAsync(db => db.WebhookDeliveries.AnyAsync(d => d.EndpointId == endpointId && d.Status == DeliveryStatus.Delivered))));
        var deliveryId = await Site.Seed.WithDbAsync(db => db.WebhookDeliveries.Where(d => d.EndpointId == endpointId).Select(d => d.Id).SingleAsync());

        var again = await Admin.PostFormAsync($"/admin/webhooks/{endpointId}/deliveries",
            $"/admin/webhooks/{endpointId}/deliveries?handler=SendAgain&delivery={deliveryId}", []);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var twice = await Receiver.GotAsync(2);
        Assert.Equal(got.Id, twice[1].Id);
        Assert.True(twice[1].Verified);
        Assert.True(await Site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "webhook.resent" && a.Subject == $"webhook:{endpointId}")));
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_sign_for_the_chosen_overlap_then_only_the_new_one()
    {
        var office = await Site.Seed.OfficeAsync();
        var endpointId = await Site.RegisterAsync(Admin, Receiver, Receiver.Url, office.Id, [WebhookEventTypes.ReleasePublished]);
        var former = Receiver.Secrets.Single();

        var rotated = await PostAsync(endpointId, "Rotate", new KeyValuePair<string, string>("overlapHours", "24"));

        var page = await WebhookTestSite.Page(rotated);
        var fresh = page.QuerySelector("input#secret")?.GetAttribute("value");
        Assert.StartsWith("whsec_", fresh);
        Assert.NotEqual(former, fresh);
        // A receiver that already changed over verifies with the new secret alone; one that has not, with the former.
        Receiver.Secrets.Clear();
        Receiver.Secrets.Add(fresh!);
        await PostAsync(endpointId, "Ping");
        var during = (await Receiver.GotAsync(1))[0];
        Assert.True(during.Verified);
        Assert.Equal(2, during.Signature.Split(' ').Length);
        Assert.True(WebhookReceiver.VerifiesWith(former, during.Id, during.Timestamp, during.Body, during.Signature));
        // The secret is shown once: the page shows it no more.
        Assert.Null((await Admin.PageAsync($"/admin/webhooks/{endpointId}")).QuerySelector("input#secret"));
        Assert.DoesNotContain(fresh!, await (await Admin.GetAsync($"/admin/webhooks/{endpointId}")).Content.ReadAsStringAsync());

        Site.Advance(TimeSpan.FromHours(25));
        // A day on, the sign-in has expired: the administrator signs in again.
        using var later = await Site.AdministratorAsync();
        Assert.Equal(HttpStatusCode.OK, (await later.PostFormAsync($"/admin/webhooks/{endpointId}", $"/admin/webhooks/{endpointId}?handler=Ping", [])).StatusCode);

        var after = (await Receiver.GotAsync(2))[1];
        Assert.True(after.Verified);
        Assert.Single(after.Signature.Split(' '));
        Assert.False(WebhookReceiver.VerifiesWith(former, after.Id, after.Timestamp, after.Body, after.Signature));
        Assert.Null(await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.Id == endpointId).Select(e => e.PreviousSecret).SingleAsync()));
    }

    [Fact]
    public async Task A_redirect_is_not_followed_but_counts_as_a_failure()
    {
        var office = await Site.Seed.OfficeAsync();
        var endpointId = await Site.RegisterAsync(Admin, Receiver, new Uri(Receiver.Address, "/moved").ToString(), office.Id, [WebhookEventTypes.ReleasePublished]);

        await PostAsync(endpointId, "Ping");

        Assert.True(await Eventually.TrueAsync(async () => (await Site.AttemptsAsync(endpointId)).Count == 1));
        Assert.Equal(302, (await Site.AttemptsAsync(endpointId))[0].StatusCode);
        Assert.Equal(DeliveryStatus.Pending, await Site.Seed.WithDbAsync(db => db.WebhookDeliveries.Where(d => d.EndpointId == endpointId).Select(d => d.Status).SingleAsync()));
        Assert.DoesNotContain(Receiver.All, r => r.Path == "/elsewhere");
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_slows_no_save_and_its_delivery_times_out()
    {
        var office = await Site.Seed.OfficeAsync();
        var endpointId = await Site.RegisterAsync(Admin, Receiver, Receiver.Url, office.Id,
            [WebhookEventTypes.ReleasePublished, WebhookEventTypes.ReleaseUpdated]);
        Receiver.Hold();

        var id = await Site.PublishedAsync(office, "slow");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref Receiver.Waiting) == 1)));
        // The receiver holds the delivery; editors keep saving all the same, and their saves are done.
        for (var i = 0; i < 3; i++)
            Assert.IsType<Bayan.Operations.Outcome.Done>(await Site.SaveAsync(id, "ar", $"بيان {i}", $"نص {i}"));
        Assert.Equal(1, Volatile.Read(ref Receiver.Waiting));

        Assert.True(await Eventually.TrueAsync(async () => (await Site.AttemptsAsync(endpointId)).Count == 1), "the held delivery did not time out");
        var attempt = (await Site.AttemptsAsync(endpointId))[0];
        Assert.Null(attempt.StatusCode);
        Assert.StartsWith("webhook_error_timeout", attempt.Error);
        Assert.InRange(attempt.DurationMs, 1_900, 10_000);
        var log = await Admin.PageAsync($"/admin/webhooks/{endpointId}/deliveries");
        Assert.Contains("no answer within 2 s", log.QuerySelector("table.deliveries")!.TextContent);
    }

    [Theory]
    [InlineData("ftp://example.org/hook", "Give a full http or https address")]
    [InlineData("not an address", "Give a full http or https address")]
    [InlineData("https://user:secret@example.org/hook", "Give a full http or https address")]
    [InlineData("https://example.org/hook", "Choose at least one event")]
    public async Task Bad_input_is_refused_with_the_reason_and_saves_nothing(string url, string reason)
    {
        var before = await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync());
        List<KeyValuePair<string, string>> form = [new("Url", url)];
        if (reason.StartsWith("Give", StringComparison.Ordinal))
            form.Add(new("Events", WebhookEventTypes.ReleasePublished));

        var response = await Admin.PostFormAsync("/admin/webhooks/new", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, body);
        Html.AssertNoStackTrace(body);
        Assert.Equal(before, await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync()));
    }

    [Fact]
    public async Task Only_administrators_reach_the_webhooks()
    {
        var office = await Site.Seed.OfficeAsync();
        var editor = await Site.Seed.UserAsync(offices: [office.Id]);
        using var client = new AdminClient(Site.BaseAddress);
        Assert.True(await client.SignInAsync(editor.Email!, Seed.Password));
        var endpointId = await Site.RegisterAsync(Admin, Receiver, Receiver.Url, office.Id, [WebhookEventTypes.ReleasePublished]);
        var before = await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync());

        foreach (var path in new[] { "/admin/webhooks", "/admin/webhooks/new", $"/admin/webhooks/{endpointId}", $"/admin/webhooks/{endpointId}/deliveries" })
            Assert.Contains("/admin/denied", (await client.GetAsync(path)).Headers.Location?.OriginalString ?? path);
        var post = await client.PostFormAsync("/admin/login", "/admin/webhooks/new", [new("Url", "https://example.org/"), new("Events", "release.published")]);
        Assert.Contains("/admin/denied", post.Headers.Location?.OriginalString ?? post.StatusCode.ToString());
        var ping = await client.PostFormAsync("/admin/login", $"/admin/webhooks/{endpointId}?handler=Ping", []);
        Assert.Contains("/admin/denied", ping.Headers.Location?.OriginalString ?? ping.StatusCode.ToString());
        Assert.Equal(before, await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync()));
        Assert.DoesNotContain("/admin/webhooks", (await client.PageAsync("/admin")).QuerySelectorAll("header.admin-bar nav a").Select(a => a.GetAttribute("href")));
        Assert.Empty(Receiver.All);
    }

    [Fact]
    public async Task The_pages_speak_arabic_right_to_left()
    {
        using var arabic = await Site.AdministratorAsync("ar");
        var office = await Site.Seed.OfficeAsync();
        var endpointId = await Site.RegisterAsync(arabic, Receiver, Receiver.Url, office.Id, [WebhookEventTypes.ReleasePublished]);

        foreach (var path in new[] { "/admin/webhooks", $"/admin/webhooks/{endpointId}", $"/admin/webhooks/{endpointId}/deliveries" })
        {
            var page = await arabic.PageAsync(path);
            Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
            Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        }
        var list = await arabic.PageAsync("/admin/webhooks");
        Assert.Equal("الويب هوك", list.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("ltr", list.QuerySelector("a.address")!.GetAttribute("dir"));
        Assert.Contains("نشر بيان", list.QuerySelector("table.webhooks")!.TextContent);
    }
}
