using System.Net;
using Bayan.Releases;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Api;

/// <summary>Releases written through the API with a token: the back office's operations, rules and audit, guarded by the release's revision.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ReleaseWriteApiTests(ApiTestSite site) : IClassFixture<ApiTestSite>
{
    private async Task<(ApiClient Api, NewToken Token, int OfficeId)> EditorAsync(params TokenScope[] scopes)
    {
        var office = await site.Seed.OfficeAsync();
        var user = await site.Seed.UserAsync(offices: [office.Id]);
        var token = await site.TokenAsync(user, scopes.Length == 0 ? [TokenScope.Write, TokenScope.Publish] : scopes);
        return (site.Client(token), token, office.Id);
    }

    private static object Draft(int officeId, string title = "وزارة الصحة تعلن") =>
        new { officeId, language = "ar", title, summary = "ملخص", body = "النص الأول", tags = new[] { "صحة" } };

    private static async Task<(int Id, string ETag)> CreateAsync(ApiClient api, int officeId)
    {
        var created = await api.PostAsync("/api/v1/releases", Draft(officeId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await ApiClient.JsonAsync(created);
        return ((int)json["id"]!, created.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_release_is_created_edited_translated_and_published_with_its_revision_as_etag()
    {
        var (api, token, officeId) = await EditorAsync();
        using var _ = api;

        var created = await api.PostAsync("/api/v1/releases", Draft(officeId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var release = await ApiClient.JsonAsync(created);
        var id = (int)release["id"]!;
        Assert.Equal($"/api/v1/releases/{id}/editor", created.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        Assert.Equal("draft", (string)release["status"]!);
        Assert.Equal("صحة", (string)release["tags"]![0]!);

        var edited = await api.PutAsync($"/api/v1/releases/{id}/versions/ar", new { title = "وزارة الصحة تعلن اليوم", body = "النص المعدل" }, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("\"2\"", edited.Headers.ETag!.Tag);
        var translated = await api.PutAsync($"/api/v1/releases/{id}/versions/en", new { title = "The ministry announces", body = "Text" }, ifMatch: "\"2\"");
        Assert.Equal("\"3\"", translated.Headers.ETag!.Tag);
        var versions = (await ApiClient.JsonAsync(translated))["versions"]!.AsArray();
        Assert.Equal(["ar", "en"], versions.Select(v => (string)v!["language"]!));

        var published = await api.PostAsync($"/api/v1/releases/{id}/publish", ifMatch: "\"3\"");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var json = await ApiClient.JsonAsync(published);
        Assert.Equal("published", (string)json["status"]!);
        Assert.NotNull((string?)json["referenceNumber"]);
        Assert.Equal(4, (int)json["revision"]!);

        var audit = await site.Seed.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"release:{id}").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["release.created", "version.saved", "version.saved", "release.published"], audit.Select(a => a.Action));
        Assert.All(audit, entry => Assert.EndsWith($"(token {token.Name})", entry.Actor));
    }

    [Fact]
    public async Task A_change_without_if_match_is_428_and_with_a_stale_one_412_and_nothing_changes()
    {
        var (api, _, officeId) = await EditorAsync();
        using var _ = api;
        var (id, etag) = await CreateAsync(api, officeId);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"/api/v1/releases/{id}/versions/ar", new { title = "الأول", body = "أ" }, etag)).StatusCode);

        var without = await api.PutAsync($"/api/v1/releases/{id}/versions/ar", new { title = "بلا شرط", body = "ب" });
        var stale = await api.PutAsync($"/api/v1/releases/{id}/versions/ar", new { title = "قديم", body = "ج" }, etag);
        var submitStale = await api.PostAsync($"/api/v1/releases/{id}/submit", ifMatch: etag);

        Assert.Equal(HttpStatusCode.PreconditionRequired, without.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("\"2\"", stale.Headers.ETag!.Tag);
        Assert.Contains("revision 2", (string)(await ApiClient.ProblemAsync(stale))["detail"]!);
        Assert.Equal(HttpStatusCode.PreconditionFailed, submitStale.StatusCode);
        var stored = await site.Seed.WithDbAsync(db => db.Releases.Include(r => r.Versions).SingleAsync(r => r.Id == id));
        Assert.Equal("الأول", stored.Versions.Single().Title);
        Assert.Equal(ReleaseStatus.Draft, stored.Status);
        Assert.Equal(2, stored.Revision);
    }

    [Fact]
    public async Task Problem_details_speak_the_language_of_accept_language()
    {
        var (english, token, officeId) = await EditorAsync();
        using var _ = english;
        using var arabic = site.Client(token, "ar");
        var (id, _) = await CreateAsync(english, officeId);

        var inEnglish = await english.PostAsync($"/api/v1/releases/{id}/submit");
        var inArabic = await arabic.PostAsync($"/api/v1/releases/{id}/submit");
        var invalid = await arabic.PostAsync("/api/v1/releases", new { officeId, language = "ar", title = "" });

        Assert.Equal("Send If-Match with the ETag you read, so that no one else's change is overwritten.", (string)(await ApiClient.ProblemAsync(inEnglish))["detail"]!);
        var arabicProblem = await ApiClient.ProblemAsync(inArabic);
        Assert.Equal("أرسل If-Match مع وسم ETag الذي قرأته، حتى لا يُكتب فوق تغيير أجراه غيرك.", (string)arabicProblem["detail"]!);
        Assert.Equal(Bayan.Localization.Messages.Get("ar", "api_title_428"), (string)arabicProblem["title"]!);
        Assert.Equal("ar", inArabic.Content.Headers.ContentLanguage.Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var problem = await ApiClient.ProblemAsync(invalid);
        Assert.Equal("بعض الحقول لا يمكن استعمالها كما أُرسلت؛ انظر errors.", (string)problem["detail"]!);
        Assert.NotEmpty((string)problem["errors"]!["title"]![0]!);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400_and_one_of_another_type_415_and_nothing_is_made()
    {
        var (api, _, _) = await EditorAsync();
        using var _ = api;
        var before = await site.Seed.CountReleasesAsync();

        var broken = await api.SendRawAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/releases")
            { Content = new StringContent("{\"officeId\": ", System.Text.Encoding.UTF8, "application/json") });
        var form = await api.SendRawAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/releases")
            { Content = new FormUrlEncodedContent([new("title", "x")]) });

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        await ApiClient.ProblemAsync(broken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        await ApiClient.ProblemAsync(form);
        Assert.Equal(before, await site.Seed.CountReleasesAsync());
    }

    [Fact]
    public async Task A_read_token_cannot_write()
    {
        var (api, _, officeId) = await EditorAsync(TokenScope.Read);
        using var _ = api;
        var before = await site.Seed.CountReleasesAsync();

        var refused = await api.PostAsync("/api/v1/releases", Draft(officeId));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("error=\"insufficient_scope\", scope=\"write\"", refused.Headers.WwwAuthenticate.ToString());
        Assert.Equal("The token lacks the scope write, which this needs.", (string)(await ApiClient.ProblemAsync(refused))["detail"]!);
        Assert.Equal(before, await site.Seed.CountReleasesAsync());
    }

    [Fact]
    public async Task A_token_of_an_office_editor_cannot_touch_another_office()
    {
        var (api, _, _) = await EditorAsync();
        using var _ = api;
        var other = await site.Seed.OfficeAsync();
        var theirs = await site.Seed.ReleaseAsync(other);
        var revision = await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == theirs.Id).Select(r => r.Revision).SingleAsync());
        var etag = $"\"{revision}\"";

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/releases", Draft(other.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync($"/api/v1/releases/{theirs.Id}/versions/ar", new { title = "اختطاف", body = "x" }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/releases/{theirs.Id}/retract", new { notes = new { ar = "سحب" } }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/releases/{theirs.Id}/editor")).StatusCode);
        var stored = await site.Seed.WithDbAsync(db => db.Releases.Include(r => r.Versions).SingleAsync(r => r.Id == theirs.Id));
        Assert.Equal(ReleaseStatus.Published, stored.Status);
        Assert.DoesNotContain(stored.Versions, v => v.Title == "اختطاف");
    }

    [Fact]
    public async Task Without_the_publish_scope_an_editors_edit_of_a_published_release_waits_for_review_by_a_token_with_it()
    {
        var office = await site.Seed.OfficeAsync();
        var user = await site.Seed.UserAsync(offices: [office.Id]);
        var release = await site.Seed.ReleaseAsync(office);
        var revision = await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id).Select(r => r.Revision).SingleAsync());
        using var api = site.Client(await site.TokenAsync(user, TokenScope.Write));

        var saved = await api.PutAsync($"/api/v1/releases/{release.Id}/versions/en", new { title = "Held text", body = "New" }, $"\"{revision}\"");
        var publish = await api.PostAsync($"/api/v1/releases/{release.Id}/publish", ifMatch: "*");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var english = (await ApiClient.JsonAsync(saved))["versions"]!.AsArray().Single(v => (string)v!["language"]! == "en")!;
        Assert.Equal("Held text", (string)english["held"]!["title"]!);
        Assert.NotEqual("Held text", (string)english["title"]!);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);

        // The same person's token with the publish scope reviews it.
        using var reviewer = site.Client(await site.TokenAsync(user, TokenScope.Write, TokenScope.Publish));
        var missing = await reviewer.PostAsync($"/api/v1/releases/{release.Id}/versions/tr/held/publish", ifMatch: saved.Headers.ETag!.Tag);
        var reviewed = await reviewer.PostAsync($"/api/v1/releases/{release.Id}/versions/en/held/publish", ifMatch: saved.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        var now = (await ApiClient.JsonAsync(reviewed))["versions"]!.AsArray().Single(v => (string)v!["language"]! == "en")!;
        Assert.Equal("Held text", (string)now["title"]!);
        Assert.Null(now["held"]);
    }

    [Fact]
    public async Task The_workflow_details_media_and_revisions_have_their_endpoints()
    {
        var (api, _, officeId) = await EditorAsync();
        using var _ = api;
        var category = await site.Seed.CategoryAsync();
        var (id, etag) = await CreateAsync(api, officeId);

        var details = await api.PutAsync($"/api/v1/releases/{id}/details",
            new { type = "statement", categoryIds = new[] { category.Id }, tags = new[] { "اقتصاد" }, commentsClosed = true }, etag);
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        var filed = await ApiClient.JsonAsync(details);
        Assert.Equal("statement", (string)filed["type"]!);
        Assert.Equal(category.Id, (int)filed["categoryIds"]![0]!);
        Assert.True((bool)filed["commentsClosed"]!);
        etag = details.Headers.ETag!.Tag;

        var media = await api.PutAsync($"/api/v1/releases/{id}/media", new { featuredImage = (Guid?)null, attachments = Array.Empty<Guid>() }, etag);
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        etag = media.Headers.ETag!.Tag;
        var saved = await api.PutAsync($"/api/v1/releases/{id}/versions/ar", new { title = "عنوان ثان", body = "نص ثان" }, etag);
        etag = saved.Headers.ETag!.Tag;
        var revisions = await ApiClient.JsonAsync(await api.GetAsync($"/api/v1/releases/{id}/versions/ar/revisions"));
        Assert.Equal([2, 1], revisions.AsArray().Select(r => (int)r!["number"]!));
        var restored = await api.PostAsync($"/api/v1/releases/{id}/versions/ar/revisions/1/restore", ifMatch: etag);
        Assert.Equal("وزارة الصحة تعلن", (string)(await ApiClient.JsonAsync(restored))["versions"]![0]!["title"]!);
        etag = restored.Headers.ETag!.Tag;

        var submitted = await api.PostAsync($"/api/v1/releases/{id}/submit", ifMatch: etag);
        Assert.Equal("in-review", (string)(await ApiClient.JsonAsync(submitted))["status"]!);
        var back = await api.PostAsync($"/api/v1/releases/{id}/return-to-draft", ifMatch: submitted.Headers.ETag!.Tag);
        Assert.Equal("draft", (string)(await ApiClient.JsonAsync(back))["status"]!);
        var past = await api.PostAsync($"/api/v1/releases/{id}/schedule", new { publishAt = site.Clock!.Now.AddHours(-1) }, back.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.Conflict, past.StatusCode);
        var scheduled = await api.PostAsync($"/api/v1/releases/{id}/schedule", new { publishAt = site.Clock.Now.AddDays(1).ToOffset(TimeSpan.FromHours(3)) }, back.Headers.ETag!.Tag);
        var schedule = await ApiClient.JsonAsync(scheduled);
        Assert.Equal("scheduled", (string)schedule["status"]!);
        Assert.Equal(site.Clock.Now.AddDays(1), DateTimeOffset.Parse((string)schedule["publishAt"]!), TimeSpan.FromSeconds(1));

        var published = await api.PostAsync($"/api/v1/releases/{id}/publish", ifMatch: scheduled.Headers.ETag!.Tag);
        var corrected = await api.PostAsync($"/api/v1/releases/{id}/correct", new { notes = new { ar = "صُحّح التاريخ" } }, published.Headers.ETag!.Tag);
        Assert.Equal("صُحّح التاريخ", (string)(await ApiClient.JsonAsync(corrected))["versions"]![0]!["correctionNote"]!);
        var retracted = await api.PostAsync($"/api/v1/releases/{id}/retract", new { notes = new { ar = "سُحب البيان" } }, corrected.Headers.ETag!.Tag);
        Assert.Equal("retracted", (string)(await ApiClient.JsonAsync(retracted))["status"]!);

        var read = await api.GetAsync($"/api/v1/releases/{id}/editor");
        Assert.Equal(retracted.Headers.ETag!.Tag, read.Headers.ETag!.Tag);
        var actions = await site.Seed.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"release:{id}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(
            ["release.created", "release.details-changed", "release.comments-closed", "release.media-changed", "version.saved", "version.saved",
             "release.submitted", "release.returned-to-draft", "release.scheduled", "release.published", "release.corrected", "release.retracted"],
            actions);
    }

    [Fact]
    public async Task An_idempotency_key_replayed_returns_the_first_answer_and_creates_nothing_twice()
    {
        var (api, _, officeId) = await EditorAsync();
        using var _ = api;
        var key = Guid.NewGuid().ToString();
        var before = await site.Seed.CountReleasesAsync();

        var first = await api.PostAsync("/api/v1/releases", Draft(officeId), idempotencyKey: key);
        var again = await api.PostAsync("/api/v1/releases", Draft(officeId), idempotencyKey: key);
        var other = await api.PostAsync("/api/v1/releases", Draft(officeId, "عنوان آخر"), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(before + 1, await site.Seed.CountReleasesAsync());

        // Another token's keys are its own.
        var (second, _, secondOffice) = await EditorAsync();
        using var __ = second;
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsync("/api/v1/releases", Draft(secondOffice), idempotencyKey: key)).StatusCode);
        Assert.Equal(before + 2, await site.Seed.CountReleasesAsync());
    }

    [Fact]
    public async Task A_token_past_its_rate_limit_gets_429_with_retry_after_until_the_window_moves()
    {
        var (api, _, _) = await EditorAsync(TokenScope.Read);
        using var _ = api;
        site.Clock!.Now = site.Clock.Now.AddSeconds(10);

        for (var i = 0; i < ApiTestSite.RequestsPerMinute; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/releases/999999/editor")).StatusCode);
        var limited = await api.GetAsync("/api/v1/releases/999999/editor");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(50), limited.Headers.RetryAfter!.Delta);
        Assert.Contains("50", (string)(await ApiClient.ProblemAsync(limited))["detail"]!);
        site.Clock.Now = site.Clock.Now.AddSeconds(50);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/releases/999999/editor")).StatusCode);
    }
}
