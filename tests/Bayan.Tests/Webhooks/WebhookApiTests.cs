using System.Net;
using System.Text.Json.Nodes;
using Bayan.Tests.Api;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Bayan.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Webhooks;

/// <summary>
/// Webhooks managed through the API with an administrator's token: the back office's operations, the
/// same checks and audit entries, the secret shown once and kept encrypted, and a real receiver on
/// loopback that verifies what the pings and deliveries sent again bring.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class WebhookApiTests(WebhookTestSite site) : WebhookTests<WebhookTestSite>(site)
{
    private const string Hooks = "/api/v1/webhooks";

    /// <summary>Registers the receiver through the API for an office of its own; its id, and the receiver knows the secret.</summary>
    private async Task<int> RegisterAsync(ApiClient api, params string[] events)
    {
        var office = await Site.Seed.OfficeAsync();
        var created = await api.PostAsync(Hooks, new { url = Receiver.Url, events = events.Length > 0 ? events : [WebhookEventTypes.ReleasePublished], officeId = office.Id });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await ApiClient.JsonAsync(created);
        Receiver.Secrets.Add((string)json["secret"]!);
        return (int)json["webhook"]!["id"]!;
    }

    private Task<WebhookEndpoint> StoredAsync(int id) => Site.Seed.WithDbAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == id));

    [Fact]
    public async Task An_administrators_token_registers_reads_changes_and_removes_an_endpoint_whose_secret_is_shown_once_and_kept_encrypted()
    {
        var api = await AdminApiAsync();
        var office = await Site.Seed.OfficeAsync();

        var created = await api.PostAsync(Hooks, new { url = Receiver.Url, description = "partner", events = new[] { "release.published", "comment.approved" }, officeId = office.Id });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await ApiClient.JsonAsync(created);
        var id = (int)json["webhook"]!["id"]!;
        var secret = (string)json["secret"]!;
        Assert.StartsWith("whsec_", secret);
        Assert.Equal($"{Hooks}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());
        Assert.Equal(["release.published", "comment.approved"], json["webhook"]!["events"]!.AsArray().Select(e => (string)e!));
        // Kept encrypted: the database holds neither the secret nor its key.
        var stored = await StoredAsync(id);
        Assert.DoesNotContain(secret[6..], stored.Secret);
        Assert.False(WebhookSecretVault.IsPlain(stored.Secret));
        // Shown once: no read shows it again.
        var one = await api.GetAsync($"{Hooks}/{id}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("\"1\"", one.Headers.ETag?.ToString());
        Assert.DoesNotContain(secret, await one.Content.ReadAsStringAsync());
        var list = await api.GetAsync(Hooks);
        Assert.Contains(id, (await ApiClient.JsonAsync(list)).AsArray().Select(e => (int)e!["id"]!));
        Assert.DoesNotContain(secret[6..], await list.Content.ReadAsStringAsync());

        var change = new { url = Receiver.Url + "?v=2", events = new[] { "release.corrected" }, language = "en", enabled = false };
        var without = await api.PutAsync($"{Hooks}/{id}", change);
        var changed = await api.PutAsync($"{Hooks}/{id}", change, ifMatch: "\"1\"");
        var stale = await api.PutAsync($"{Hooks}/{id}", new { url = "https://example.org/late", events = new[] { "release.published" } }, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionRequired, without.StatusCode);
        await ApiClient.ProblemAsync(without);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"2\"", changed.Headers.ETag?.ToString());
        var now = await ApiClient.JsonAsync(changed);
        Assert.Equal(Receiver.Url + "?v=2", (string)now["url"]!);
        Assert.Equal("en", (string)now["language"]!);
        Assert.False((bool)now["enabled"]!);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("webhook_api_stale", (string)(await ApiClient.ProblemAsync(stale))["code"]!);
        Assert.Equal("\"2\"", stale.Headers.ETag?.ToString());
        Assert.Equal(Receiver.Url + "?v=2", (await StoredAsync(id)).Url);

        var deleted = await api.DeleteAsync($"{Hooks}/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Hooks}/{id}")).StatusCode);
        var audit = await Site.Seed.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"webhook:{id}").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["webhook.created", "webhook.changed", "webhook.disabled", "webhook.deleted"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Contains("(token hooks", a.Actor));
    }

    [Fact]
    public async Task Registering_again_with_the_same_idempotency_key_creates_nothing_twice()
    {
        var api = await AdminApiAsync();
        var url = $"https://partner.example.org/{Seed.Unique("hook")}";
        var body = new { url, events = new[] { "release.published" } };

        var first = await api.PostAsync(Hooks, body, idempotencyKey: "register-1");
        var again = await api.PostAsync(Hooks, body, idempotencyKey: "register-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((int)(await ApiClient.JsonAsync(first))["webhook"]!["id"]!, (int)(await ApiClient.JsonAsync(again))["webhook"]!["id"]!);
        Assert.Equal(1, await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync(e => e.Url == url)));
    }

    [Fact]
    public async Task A_ping_and_a_delivery_sent_again_reach_the_receiver_signed_and_the_log_pages_newest_first()
    {
        var api = await AdminApiAsync();
        var id = await RegisterAsync(api);

        var ping = await api.PostAsync($"{Hooks}/{id}/ping");

        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        var got = Assert.Single(await Receiver.GotAsync(1));
        Assert.Equal("ping", got.Type);
        Assert.True(got.Verified);
        Assert.True(await Eventually.TrueAsync(async () => (await Site.AttemptsAsync(id)).Count == 1));
        var log = await ApiClient.JsonAsync(await api.GetAsync($"{Hooks}/{id}/deliveries"));
        var delivery = log["items"]!.AsArray().Single()!;
        Assert.Equal("delivered", (string)delivery["status"]!);
        Assert.Equal(got.Id, (string)delivery["messageId"]!);
        var firstTry = delivery["tries"]!.AsArray().Single()!;
        Assert.Equal(200, (int)firstTry["statusCode"]!);
        Assert.Equal("{\"received\":true}", (string)firstTry["answer"]!);
        Assert.True((int)firstTry["durationMs"]! >= 0);
        Assert.Null(log["next"]);

        var again = await api.PostAsync($"{Hooks}/{id}/deliveries/{(long)delivery["id"]!}/send-again");

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var twice = await Receiver.GotAsync(2);
        Assert.Equal(got.Id, twice[1].Id);
        Assert.True(twice[1].Verified);
        Assert.True(await Eventually.TrueAsync(async () => (await Site.AttemptsAsync(id)).Count == 2), "sending again made no new try");
        Assert.True(await Site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "webhook.resent" && a.Subject == $"webhook:{id}" && a.Actor.Contains("(token "))));

        // A second ping: the log reads newest first, a page at a time.
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"{Hooks}/{id}/ping")).StatusCode);
        var third = (await Receiver.GotAsync(3))[2];
        var first = await ApiClient.JsonAsync(await api.GetAsync($"{Hooks}/{id}/deliveries?limit=1"));
        Assert.Equal(third.Id, (string)first["items"]![0]!["messageId"]!);
        var older = await ApiClient.JsonAsync(await api.GetAsync($"{Hooks}/{id}/deliveries?limit=1&cursor={(string)first["next"]!}"));
        Assert.Equal(got.Id, (string)older["items"]![0]!["messageId"]!);
        Assert.Equal(2, older["items"]![0]!["tries"]!.AsArray().Count);
        Assert.Null(older["next"]);
    }

    [Fact]
    public async Task After_a_rotation_through_the_api_both_secrets_sign_during_the_overlap()
    {
        var api = await AdminApiAsync();
        var id = await RegisterAsync(api);
        var former = Receiver.Secrets.Single();

        var rotated = await api.PostAsync($"{Hooks}/{id}/rotate-secret", new { overlapHours = 1 });

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var json = await ApiClient.JsonAsync(rotated);
        var fresh = (string)json["secret"]!;
        Assert.StartsWith("whsec_", fresh);
        Assert.NotEqual(former, fresh);
        Assert.Equal(Site.Clock!.Now.AddHours(1), (DateTimeOffset)json["previousSecretUntil"]!);
        var stored = await StoredAsync(id);
        Assert.DoesNotContain(fresh[6..], stored.Secret);
        Assert.NotNull(stored.PreviousSecret);
        Assert.DoesNotContain(former[6..], stored.PreviousSecret);
        Receiver.Secrets.Clear();
        Receiver.Secrets.Add(fresh);
        await api.PostAsync($"{Hooks}/{id}/ping");
        var during = Assert.Single(await Receiver.GotAsync(1));
        Assert.True(during.Verified);
        Assert.True(WebhookReceiver.VerifiesWith(former, during.Id, during.Timestamp, during.Body, during.Signature));
        Assert.True(await Site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "webhook.secret-rotated" && a.Subject == $"webhook:{id}")));
    }

    [Fact]
    public async Task Tokens_without_the_admin_scope_or_of_someone_no_longer_an_administrator_are_refused_and_change_nothing()
    {
        var admin = await AdminApiAsync();
        var id = await RegisterAsync(admin);
        var writer = await ApiAsync(await Site.Seed.UserAsync(administrator: true), TokenScope.Write, TokenScope.Publish);
        var demoted = await Site.Seed.UserAsync(administrator: true);
        var formerAdmin = await ApiAsync(demoted, TokenScope.Admin);
        await Site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == demoted.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsAdministrator, false)));
        using var anonymous = new ApiClient(Site.BaseAddress, null);
        var before = await StoredAsync(id);
        var body = new { url = "https://example.org/hook", events = new[] { "release.published" } };

        foreach (var client in new[] { writer, formerAdmin })
        {
            foreach (var answer in new[]
            {
                await client.GetAsync(Hooks), await client.GetAsync($"{Hooks}/{id}"), await client.GetAsync($"{Hooks}/{id}/deliveries"),
                await client.PostAsync(Hooks, body), await client.PutAsync($"{Hooks}/{id}", body, ifMatch: "\"1\""),
                await client.PostAsync($"{Hooks}/{id}/rotate-secret"), await client.PostAsync($"{Hooks}/{id}/ping"), await client.DeleteAsync($"{Hooks}/{id}"),
            })
            {
                Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
                await ApiClient.ProblemAsync(answer);
            }
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Hooks)).StatusCode);

        var after = await StoredAsync(id);
        Assert.Equal((before.Url, before.Secret, before.Revision), (after.Url, after.Secret, after.Revision));
        Assert.Equal(1, await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync(e => e.Url == body.url || e.Id == id)));
        Assert.Empty(Receiver.All);
    }

    [Fact]
    public async Task Bad_input_is_422_problem_details_naming_the_fields_and_unknown_ids_are_404()
    {
        var api = await AdminApiAsync();
        var count = await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync());

        var bad = await api.PostAsync(Hooks, new { url = "ftp://example.org/hook", events = new[] { "release.exploded" }, officeId = 999_999 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = await ApiClient.ProblemAsync(bad);
        Assert.Equal("webhook_url_invalid", (string)problem["codes"]!["url"]!);
        Assert.Equal("webhook_events_required", (string)problem["codes"]!["events"]!);
        Assert.Equal("webhook_office_unknown", (string)problem["codes"]!["officeId"]!);
        Assert.Contains("http or https", (string)problem["errors"]!["url"]![0]!);
        Html.AssertNoStackTrace(problem.ToJsonString());
        Assert.Equal(count, await Site.Seed.WithDbAsync(db => db.WebhookEndpoints.CountAsync()));

        var id = await RegisterAsync(api);
        var overlap = await api.PostAsync($"{Hooks}/{id}/rotate-secret", new { overlapHours = 1000 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlap.StatusCode);
        Assert.NotNull((await ApiClient.ProblemAsync(overlap))["errors"]!["overlapHours"]);
        var limit = await api.GetAsync($"{Hooks}/{id}/deliveries?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, limit.StatusCode);
        Assert.Equal("limit", (string)(await ApiClient.ProblemAsync(limit))["parameter"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"{Hooks}/{id}/deliveries?cursor=abc")).StatusCode);

        const int unknown = 999_999;
        foreach (var answer in new[]
        {
            await api.GetAsync($"{Hooks}/{unknown}"), await api.PutAsync($"{Hooks}/{unknown}", new { url = Receiver.Url, events = new[] { "ping" } }, ifMatch: "\"1\""),
            await api.DeleteAsync($"{Hooks}/{unknown}"), await api.PostAsync($"{Hooks}/{unknown}/rotate-secret"), await api.PostAsync($"{Hooks}/{unknown}/ping"),
            await api.GetAsync($"{Hooks}/{unknown}/deliveries"), await api.PostAsync($"{Hooks}/{id}/deliveries/{unknown}/send-again"),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            await ApiClient.ProblemAsync(answer);
        }
    }

    [Fact]
    public async Task A_secret_kept_in_plain_text_by_an_earlier_version_keeps_signing_and_is_encrypted_at_the_next_start()
    {
        var api = await AdminApiAsync();
        var plain = WebhookSecret.New();
        Receiver.Secrets.Add(plain);
        var id = await Site.Seed.WithDbAsync(async db =>
        {
            var endpoint = new WebhookEndpoint { Url = Receiver.Url, Secret = plain, Events = WebhookEventTypes.ReleasePublished, CreatedAt = Site.Clock!.Now.UtcDateTime };
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
            return endpoint.Id;
        });

        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"{Hooks}/{id}/ping")).StatusCode);
        Assert.True(Assert.Single(await Receiver.GotAsync(1)).Verified);

        // Bayan starts again (here: another node on the same database and data folder).
        var node = await Site.StartNodeAsync();
        try
        {
            var stored = await StoredAsync(id);
            Assert.False(WebhookSecretVault.IsPlain(stored.Secret));
            Assert.DoesNotContain(plain[6..], stored.Secret);
        }
        finally
        {
            await node.StopAsync();
            await node.DisposeAsync();
        }
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"{Hooks}/{id}/ping")).StatusCode);
        Assert.True((await Receiver.GotAsync(2))[1].Verified);
    }

    [Fact]
    public async Task A_secret_these_keys_cannot_read_sends_nothing_unsigned_and_the_log_says_why()
    {
        var api = await AdminApiAsync();
        // As after a restore without the data folder's keys: the stored secret was encrypted with other keys.
        var foreign = new EphemeralDataProtectionProvider()
            .CreateProtector(WebhookSecretVault.Purpose).Protect(WebhookSecret.New());
        var id = await Site.Seed.WithDbAsync(async db =>
        {
            var endpoint = new WebhookEndpoint { Url = Receiver.Url, Secret = foreign, Events = WebhookEventTypes.ReleasePublished, CreatedAt = Site.Clock!.Now.UtcDateTime };
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
            return endpoint.Id;
        });

        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"{Hooks}/{id}/ping")).StatusCode);

        Assert.True(await Eventually.TrueAsync(async () => (await Site.AttemptsAsync(id)).Count == 1));
        var log = await ApiClient.JsonAsync(await api.GetAsync($"{Hooks}/{id}/deliveries"));
        var attempt = log["items"]![0]!["tries"]![0]!;
        Assert.Equal("webhook_error_secret", (string)attempt["errorCode"]!);
        Assert.Contains("rotate the secret", (string)attempt["error"]!);
        Assert.Null(attempt["statusCode"]);
        Assert.Empty(Receiver.All);
    }
}
