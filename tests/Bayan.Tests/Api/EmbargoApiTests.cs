using System.Net;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Api;

/// <summary>Embargoed preview links through the API: made, listed and revoked by the release office's editors, as on the release's back-office page.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class EmbargoApiTests(ApiTestSite site) : IClassFixture<ApiTestSite>
{
    private async Task<(ApiClient Api, NewToken Token, int OfficeId)> EditorAsync(int? officeId = null, params TokenScope[] scopes)
    {
        var office = officeId ?? (await site.Seed.OfficeAsync()).Id;
        var user = await site.Seed.UserAsync(offices: [office]);
        var token = await site.TokenAsync(user, scopes.Length == 0 ? [TokenScope.Write, TokenScope.Publish] : scopes);
        return (site.Client(token), token, office);
    }

    /// <summary>A release started and scheduled an hour ahead through the API; its id and title.</summary>
    private async Task<(int Id, string Title)> ScheduledAsync(ApiClient api, int officeId, bool schedule = true)
    {
        var title = Seed.Unique("بيان تحت الحظر");
        var created = await api.PostAsync("/api/v1/releases", new { officeId, language = "ar", title, summary = "ملخص", body = "النص" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (int)(await ApiClient.JsonAsync(created))["id"]!;
        if (schedule)
        {
            var scheduled = await api.PostAsync($"/api/v1/releases/{id}/schedule", new { publishAt = site.Clock!.Now.AddHours(1) }, ifMatch: "*");
            Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        }
        return (id, title);
    }

    private Task<int> LinkCountAsync(int releaseId) => site.Seed.WithDbAsync(db => db.EmbargoLinks.CountAsync(l => l.ReleaseId == releaseId));

    [Fact]
    public async Task An_editor_makes_a_link_that_opens_the_release_before_its_time_and_revokes_it()
    {
        var (api, token, officeId) = await EditorAsync();
        using var _ = api;
        var (id, title) = await ScheduledAsync(api, officeId);

        var created = await api.PostAsync($"/api/v1/releases/{id}/embargo-links", new { label = "Wire agencies" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var link = await ApiClient.JsonAsync(created);
        var url = (string)link["url"]!;
        Assert.StartsWith(new Uri(site.BaseAddress, "/embargo/").ToString(), url);
        Assert.Equal("Wire agencies", (string)link["label"]!);
        // Readers see nothing yet; the link's holder reads the release.
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync($"/api/v1/releases/{id}")).StatusCode);
        var preview = await site.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains(title, await preview.Content.ReadAsStringAsync());

        var listed = await ApiClient.JsonAsync(await api.GetAsync($"/api/v1/releases/{id}/embargo-links"));
        var entry = Assert.Single(listed.AsArray())!;
        Assert.Equal((int)link["id"]!, (int)entry["id"]!);
        Assert.True((bool)entry["active"]!);
        // The address was answered once; the list never holds it.
        Assert.Null(entry["url"]);

        var revoked = await api.PostAsync($"/api/v1/releases/{id}/embargo-links/{(int)link["id"]!}/revoke");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var after = await ApiClient.JsonAsync(revoked);
        Assert.False((bool)after["active"]!);
        Assert.NotNull((string?)after["revokedAt"]);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync(url)).StatusCode);
        var audit = await site.Seed.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"release:{id}" && a.Action.StartsWith("embargo-link."))
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["embargo-link.created", "embargo-link.revoked"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.EndsWith($"(token {token.Name})", a.Actor));
    }

    [Fact]
    public async Task Links_need_the_publish_scope_and_an_editor_of_the_releases_office()
    {
        var (api, _, officeId) = await EditorAsync();
        using var _ = api;
        var (id, _) = await ScheduledAsync(api, officeId);
        var made = await ApiClient.JsonAsync(await api.PostAsync($"/api/v1/releases/{id}/embargo-links", new { label = "Agencies" }));
        var (reader, _, _) = await EditorAsync(officeId, TokenScope.Read);
        var (writer, _, _) = await EditorAsync(officeId, TokenScope.Write);
        var (other, _, _) = await EditorAsync();
        using var __ = reader;
        using var ___ = writer;
        using var ____ = other;

        foreach (var client in new[] { reader, writer, other })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/releases/{id}/embargo-links")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/releases/{id}/embargo-links", new { label = "Leak" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/releases/{id}/embargo-links/{(int)made["id"]!}/revoke")).StatusCode);
        }

        Assert.Equal(1, await LinkCountAsync(id));
        Assert.False(await site.Seed.WithDbAsync(db => db.EmbargoLinks.AnyAsync(l => l.ReleaseId == id && l.RevokedAt != null)));
    }

    [Fact]
    public async Task Bad_labels_are_422_in_the_clients_language_and_unknown_ids_404()
    {
        var office = await site.Seed.OfficeAsync();
        var user = await site.Seed.UserAsync(offices: [office.Id]);
        using var api = site.Client(await site.TokenAsync(user, TokenScope.Write, TokenScope.Publish), language: "ar");
        var (id, _) = await ScheduledAsync(api, office.Id);
        var (draft, _) = await ScheduledAsync(api, office.Id, schedule: false);
        var (otherRelease, _) = await ScheduledAsync(api, office.Id);
        var otherLink = await ApiClient.JsonAsync(await api.PostAsync($"/api/v1/releases/{otherRelease}/embargo-links", new { label = "Agencies" }));

        var empty = await api.PostAsync($"/api/v1/releases/{id}/embargo-links", new { label = "  " });
        var html = await api.PostAsync($"/api/v1/releases/{id}/embargo-links", new { label = "<b>Agencies</b>" });
        var notScheduled = await api.PostAsync($"/api/v1/releases/{draft}/embargo-links", new { label = "Agencies" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var problem = await ApiClient.ProblemAsync(empty);
        Assert.Equal("embargo_label_required", (string)problem["codes"]!["label"]!);
        Assert.Matches(@"\p{IsArabic}", (string)problem["errors"]!["label"]![0]!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, html.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notScheduled.StatusCode);
        Assert.Equal(0, await LinkCountAsync(id));
        Assert.Equal(0, await LinkCountAsync(draft));

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/releases/999999/embargo-links")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/v1/releases/999999/embargo-links", new { label = "Agencies" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/releases/{id}/embargo-links/999999/revoke")).StatusCode);
        // Another release's link is not this one's to revoke.
        var wrongRelease = await api.PostAsync($"/api/v1/releases/{id}/embargo-links/{(int)otherLink["id"]!}/revoke");
        Assert.Equal(HttpStatusCode.NotFound, wrongRelease.StatusCode);
        Assert.False(await site.Seed.WithDbAsync(db => db.EmbargoLinks.AnyAsync(l => l.ReleaseId == otherRelease && l.RevokedAt != null)));
    }
}
