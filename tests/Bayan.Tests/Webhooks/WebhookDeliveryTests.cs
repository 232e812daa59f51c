using System.Net;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Tests.Support;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Webhooks;

/// <summary>
/// Webhooks end to end: registered in the back office, written with the change that causes them,
/// delivered by the background sender to a real receiver on loopback that verifies every signature.
/// Each test registers its endpoint for an office of its own, so the tests sharing the site never see each other's events.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class WebhookDeliveryTests(WebhookTestSite site) : WebhookTests<WebhookTestSite>(site)
{
    private static readonly string[] ReleaseEvents =
        [WebhookEventTypes.ReleasePublished, WebhookEventTypes.ReleaseUpdated, WebhookEventTypes.ReleaseCorrected, WebhookEventTypes.ReleaseRetracted];

    [Fact]
    public async Task A_release_published_in_the_back_office_reaches_the_receiver_signed_with_its_reference_number_and_addresses()
    {
        var office = await Site.Seed.OfficeAsync();
        await Site.RegisterAsync(Admin, Receiver, Receiver.Url, office.Id, [WebhookEventTypes.ReleasePublished]);
        var id = await Site.DraftAsync(office, "water", english: true);

        var detail = $"/admin/releases/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await Admin.PostFormAsync(detail, $"{detail}?handler=Publish", [])).StatusCode);

        var got = Assert.Single(await Receiver.GotAsync(1));
        Assert.True(got.Verified, "the signature did not verify with the secret the back office showed");
        Assert.StartsWith("msg_", got.Id);
        Assert.Equal(Site.Clock!.Now.ToUnixTimeSeconds(), got.Timestamp);
        var release = await Site.Seed.WithDbAsync(db => db.Releases.Include(r => r.Versions).SingleAsync(r => r.Id == id));
        Assert.Equal("release.published", got.Type);
        Assert.Equal(Site.Clock.Now.UtcDateTime, got.Json.GetProperty("timestamp").GetDateTime().ToUniversalTime());
        Assert.Equal(id, got.Data.GetProperty("releaseId").GetInt32());
        Assert.Equal(office.Code, got.Data.GetProperty("office").GetString());
        Assert.Equal(release.ReferenceNumber, got.Data.GetProperty("referenceNumber").GetString());
        Assert.Equal("published", got.Data.GetProperty("status").GetString());
        Assert.Equal("ar", got.Data.GetProperty("language").GetString());
        var arabic = release.Versions.Single(v => v.Language == "ar");
        Assert.Equal($"{WebhookTestSite.PublicUrl}/ar/{office.Code}/{id}/{Uri.EscapeDataString(arabic.Slug)}", got.Data.GetProperty("url").GetString());
        var versions = got.Data.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["ar", "en"], versions.Select(v => v.GetProperty("language").GetString()));
        Assert.Equal("Statement water", versions[1].GetProperty("title").GetString());
        // The page readers open at that address is the release.
        var english = release.Versions.Single(v => v.Language == "en");
        Assert.Equal(HttpStatusCode.OK, (await Site.Http.GetAsync($"/en/{office.Code}/{id}/{english.Slug}")).StatusCode);

        // The log says how it went.
        Assert.True(await Eventually.TrueAsync(async () => (await Site.Seed.WithDbAsync(db =>
            db.WebhookDeliveries.Where(d => d.Message.MessageId == got.Id).Select(d => d.Status).SingleAsync())) == DeliveryStatus.Delivered));
        var endpointId = await Site.Seed.WithDbAsync(db => db.WebhookDeliveries.Where(d => d.Message.MessageId == got.Id).Select(d => d.EndpointId).SingleAsync());
        var log = await Admin.PageAsync($"/admin/webhooks/{endpointId}/deliveries");
        Assert.Contains("HTTP 200", log.QuerySelector("table.deliveries")!.TextContent);
        Assert.Contains(got.Id, log.QuerySelector("table.deliveries")!.TextContent);
        Assert.Contains("{\"received\":true}", log.QuerySelector("table.deliveries pre")!.TextContent);
    }

    [Fact]
    public async Task Events_of_a_release_arrive_in_order_and_a_failed_one_holds_back_the_later_ones_until_its_retry()
    {
        var office = await Site.Seed.OfficeAsync();
        await Site.RegisterAsync(Admin, Receiver, Receiver.Url, office.Id, ReleaseEvents);
        Receiver.AnswerNext(HttpStatusCode.InternalServerError);
        var id = await Site.PublishedAsync(office, "order");
        await Receiver.GotAsync(1);

        Assert.IsType<Outcome.Done>(await Site.SaveAsync(id, "ar", "بيان معدل", "نص معدل"));
        Assert.IsType<Outcome.Done>(await Site.WorkflowAsync(w => w.CorrectAsync(WebhookSteps.Editor, id, "صُحّح الرقم.", default)));
        Assert.IsType<Outcome.Done>(await Site.WorkflowAsync(w => w.RetractAsync(WebhookSteps.Editor, id, "سُحب.", default)));
        // A round of the sender passes: the three wait behind the failed first.
        await Site.Sender().SendDueAsync(default);
        Assert.Single(Receiver.All);

        Site.Advance(TimeSpan.FromSeconds(13));

        var got = await Receiver.GotAsync(5);
        Assert.Equal(["release.published", "release.published", "release.updated", "release.corrected", "release.retracted"], got.Select(r => r.Type));
        Assert.Equal(got[0].Id, got[1].Id);
        Assert.Equal(4, got.Select(r => r.Id).Distinct().Count());
        Assert.All(got, r => Assert.True(r.Verified));
        Assert.Equal("retracted", got[4].Data.GetProperty("status").GetString());
        Assert.True(got[1].Timestamp > got[0].Timestamp, "a retry carries the time of its own attempt");
    }

    [Fact]
    public async Task Retries_go_on_for_24_hours_then_stop_and_an_endpoint_failing_for_two_days_is_turned_off_with_a_notice()
    {
        var office = await Site.Seed.OfficeAsync();
        Receiver.Otherwise = HttpStatusCode.ServiceUnavailable;
        var endpointId = await Site.RegisterAsync(Admin, Receiver, Receiver.Url, office.Id, ReleaseEvents);
        var started = Site.Clock!.Now;
        await Site.PublishedAsync(office, "failing");

        for (var tries = 1; ; tries++)
        {
            Assert.True(await Eventually.TrueAsync(async () => (await Site.AttemptsAsync(endpointId)).Count >= tries), $"try {tries} did not happen");
            var delivery = await Site.Seed.WithDbAsync(db => db.WebhookDeliveries.SingleAsync(d => d.EndpointId == endpointId));
            if (delivery.Status != DeliveryStatus.Pending)
                break;
            Assert.True(tries < 20, "still retrying after 20 tries");
            Site.Clock.Now = new DateTimeOffset(delivery.DueAt, TimeSpan.Zero).AddSeconds(1);
        }
        var attempts = await Site.AttemptsAsync(endpointId);
        Assert.Equal(DeliveryStatus.Failed, await Site.Seed.WithDbAsync(db => db.WebhookDeliveries.Where(d => d.EndpointId == endpointId).Select(d => d.Status).SingleAsync()));
        Assert.True(attempts[^1].At - attempts[0].At >= TimeSpan.FromHours(24), $"the tries spanned only {attempts[^1].At - attempts[0].At}");
        Assert.All(attempts, a => Assert.Equal(503, a.StatusCode));
        Assert.Single(Receiver.All.Select(r => r.Id).Distinct());
        Assert.True(await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.Id == endpointId).Select(e => e.Enabled).SingleAsync()));

        // Another release later still fails, two days after the failing began: the endpoint is turned off.
        Site.Clock.Now = started.AddDays(2).AddMinutes(1);
        await Site.PublishedAsync(office, "still failing");
        Assert.True(await Eventually.TrueAsync(() => Site.Seed.WithDbAsync(db => db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId && !e.Enabled))),
            "the endpoint failing for two days was not turned off");

        var endpoint = await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.SingleAsync(e => e.Id == endpointId));
        Assert.Equal("webhook_disabled_failing", endpoint.DisabledReason);
        Assert.True(await Site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "webhook.disabled" && a.Subject == $"webhook:{endpointId}")));
        // Two days on, the morning's sign-in has expired: the administrator signs in again and sees the notice.
        using var later = await Site.AdministratorAsync();
        var answer = await later.GetAsync("/admin");
        var dashboard = await WebhookTestSite.Page(answer);
        var notice = dashboard.QuerySelector(".webhooks-off")?.TextContent
            ?? throw new Xunit.Sdk.XunitException($"no notice on the dashboard ({(int)answer.StatusCode}): {dashboard.Body?.TextContent}");
        Assert.Contains(Receiver.Url, notice);
        Assert.Contains("failed for too long", notice);
        // Nothing more goes out to it, and new events are not kept for it.
        var before = Receiver.All.Count;
        await Site.PublishedAsync(office, "while off");
        await Site.Sender().SendDueAsync(default);
        Assert.Equal(before, Receiver.All.Count);

        // Turned on again, the notice goes.
        Assert.Equal(HttpStatusCode.OK, (await later.PostFormAsync($"/admin/webhooks/{endpointId}", $"/admin/webhooks/{endpointId}?handler=Enable", [])).StatusCode);
        var after = await later.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Null((await WebhookTestSite.Page(after)).QuerySelector(".webhooks-off"));
    }

    [Fact]
    public async Task A_scheduled_release_is_announced_once_when_its_time_comes_and_one_unscheduled_before_never()
    {
        var office = await Site.Seed.OfficeAsync();
        await Site.RegisterAsync(Admin, Receiver, Receiver.Url, office.Id, [WebhookEventTypes.ReleasePublished]);
        var at = Site.Clock!.Now.UtcDateTime.AddHours(1);
        var kept = await Site.DraftAsync(office, "kept");
        var withdrawn = await Site.DraftAsync(office, "withdrawn");
        Assert.IsType<Outcome.Done>(await Site.WorkflowAsync(w => w.ScheduleAsync(WebhookSteps.Editor, kept, at, default)));
        Assert.IsType<Outcome.Done>(await Site.WorkflowAsync(w => w.ScheduleAsync(WebhookSteps.Editor, withdrawn, at, default)));
        Assert.IsType<Outcome.Done>(await Site.WorkflowAsync(w => w.ReturnToDraftAsync(WebhookSteps.Editor, withdrawn, default)));
        await Site.Sender().SendDueAsync(default);
        Assert.Empty(Receiver.All);

        Site.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        var got = Assert.Single(await Receiver.GotAsync(1));
        Assert.Equal(kept, got.ReleaseId);
        Assert.Equal(at, got.Data.GetProperty("publishedAt").GetDateTime().ToUniversalTime());
        // The scheduler and the sender looking again change nothing.
        await Site.InScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetServices<Microsoft.Extensions.Hosting.IHostedService>(s).OfType<Bayan.Publishing.ScheduledPublisher>().Single().PublishDueAsync(default));
        await Site.Sender().SendDueAsync(default);
        Assert.Single(Receiver.All);
        Assert.Equal(1, await Site.Seed.WithDbAsync(db => db.WebhookMessages.CountAsync(m => m.ReleaseId == kept && m.Type == "release.published")));
        Assert.Equal(0, await Site.Seed.WithDbAsync(db => db.WebhookMessages.CountAsync(m => m.ReleaseId == withdrawn)));
        Assert.Equal(ReleaseStatus.Draft, await Site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == withdrawn).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Translations_and_comments_are_announced_to_an_endpoint_for_their_language_alone_without_e_mail_addresses()
    {
        var office = await Site.Seed.OfficeAsync();
        string[] events = [WebhookEventTypes.ReleaseUpdated, WebhookEventTypes.TranslationPublished, WebhookEventTypes.TranslationOutdated,
            WebhookEventTypes.CommentCreated, WebhookEventTypes.CommentApproved];
        await Site.RegisterAsync(Admin, Receiver, Receiver.Url, office.Id, events, language: "en");
        var id = await Site.PublishedAsync(office, "languages");

        Assert.IsType<Outcome.Done>(await Site.SaveAsync(id, "en", "Statement in English", "English text"));
        Assert.IsType<Outcome.Done>(await Site.SaveAsync(id, "ar", "بيان بعد التعديل", "نص عربي معدل"));
        foreach (var language in new[] { "ar", "en" })
        {
            var posted = await Site.InScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Bayan.Comments.PostComment>(s).RunAsync(
                    new Bayan.Comments.CommentForm(id, language, "Reader", "reader@example.org", $"A comment in {language}", null, null), default));
            Assert.IsType<Bayan.Comments.CommentOutcome.Posted>(posted);
        }
        var comments = await Site.Seed.WithDbAsync(db => db.Comments.Where(c => c.Text.StartsWith("A comment in")).Where(c =>
            db.ReleaseVersions.Any(v => v.Id == c.ReleaseVersionId && v.ReleaseId == id)).Select(c => c.Id).ToListAsync());
        Assert.Equal(2, await Site.InScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Bayan.Comments.ModerateComments>(s).RunAsync(WebhookSteps.Editor, comments, Bayan.Comments.Moderation.Approve, default)));

        var got = await Receiver.GotAsync(4);
        Assert.Equal(["translation.published", "translation.outdated", "comment.created", "comment.approved"], got.Select(r => r.Type));
        Assert.All(got, r => Assert.Equal("en", r.Data.GetProperty("language").GetString()));
        Assert.All(got, r => Assert.DoesNotContain("reader@example.org", r.Body));
        Assert.Equal("A comment in en", got[2].Data.GetProperty("text").GetString());
        Assert.Equal("pending", got[2].Data.GetProperty("status").GetString());
        Assert.Equal("approved", got[3].Data.GetProperty("status").GetString());
        Assert.StartsWith($"{WebhookTestSite.PublicUrl}/en/{office.Code}/{id}/", got[2].Data.GetProperty("releaseUrl").GetString());
        await Site.Sender().SendDueAsync(default);
        Assert.Equal(4, Receiver.All.Count);
    }

    [Fact]
    public async Task A_comment_published_at_once_is_announced_as_created_and_as_approved()
    {
        var office = await Site.Seed.OfficeAsync();
        await Site.RegisterAsync(Admin, Receiver, Receiver.Url, office.Id, [WebhookEventTypes.CommentCreated, WebhookEventTypes.CommentApproved]);
        var id = await Site.PublishedAsync(office, "open comments");
        await Site.Seed.WithDbAsync(db => db.Sites.ExecuteUpdateAsync(s => s.SetProperty(x => x.PublishCommentsAtOnce, true)));
        try
        {
            var posted = await Site.InScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Bayan.Comments.PostComment>(s).RunAsync(
                    new Bayan.Comments.CommentForm(id, "ar", "Reader", "reader@example.org", "Published at once", null, null), default));
            Assert.False(Assert.IsType<Bayan.Comments.CommentOutcome.Posted>(posted).Held);
        }
        finally
        {
            await Site.Seed.WithDbAsync(db => db.Sites.ExecuteUpdateAsync(s => s.SetProperty(x => x.PublishCommentsAtOnce, false)));
        }

        var got = await Receiver.GotAsync(2);
        Assert.Equal(["comment.created", "comment.approved"], got.Select(r => r.Type));
        Assert.All(got, r => Assert.True(r.Verified));
        Assert.All(got, r => Assert.Equal("approved", r.Data.GetProperty("status").GetString()));
        Assert.Equal(got[0].Data.GetProperty("commentId").GetInt32(), got[1].Data.GetProperty("commentId").GetInt32());
        await Site.Sender().SendDueAsync(default);
        Assert.Equal(2, Receiver.All.Count);
    }
}
