using System.Net;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Api;

/// <summary>Offices through the API: the back office's office form, for administrators' tokens with the admin scope.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class OfficeApiTests(ApiTestSite site) : IClassFixture<ApiTestSite>
{
    private async Task<(ApiClient Api, NewToken Token)> AdminAsync(string language = "en", params TokenScope[] scopes)
    {
        var user = await site.Seed.UserAsync(administrator: true);
        var token = await site.TokenAsync(user, scopes.Length == 0 ? [TokenScope.Admin] : scopes);
        return (site.Client(token, language), token);
    }

    private static object NewOffice(string code) => new
    {
        code,
        names = new Dictionary<string, string> { ["ar"] = $"مكتب {code}", ["en"] = $"Office {code}" },
        defaultLanguage = "ar",
        timeZone = "Asia/Riyadh",
        numberingPattern = "{greg-year}/{seq:3}",
        requiresReview = true,
        telephone = "+966 11 000 0000",
        socialLinks = new[] { "https://x.com/example" },
    };

    [Fact]
    public async Task An_administrator_creates_and_renames_an_office_and_its_public_page_shows_the_new_name()
    {
        var (api, token) = await AdminAsync();
        using var client = api;
        var code = Seed.Unique("health");

        var created = await api.PostAsync("/api/v1/offices", NewOffice(code));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var office = await ApiClient.JsonAsync(created);
        var id = (int)office["id"]!;
        Assert.Equal($"/api/v1/offices/{id}/editor", created.Headers.Location!.OriginalString);
        Assert.Equal("{greg-year}/{seq:3}", (string)office["numberingPattern"]!);
        Assert.True((bool)office["requiresReview"]!);
        Assert.Equal("+966 11 000 0000", (string)office["telephone"]!);
        Assert.Contains($"Office {code}", await site.Http.GetStringAsync($"/en/{code}/"));

        var renamed = await api.PutAsync($"/api/v1/offices/{id}", new { names = new Dictionary<string, string> { ["ar"] = $"مكتب {code}", ["en"] = $"Ministry {code}" } });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var after = await ApiClient.JsonAsync(renamed);
        Assert.Equal($"Ministry {code}", (string)after["names"]!["en"]!);
        // What the body left out stays as it was.
        Assert.Equal("{greg-year}/{seq:3}", (string)after["numberingPattern"]!);
        Assert.Equal("+966 11 000 0000", (string)after["telephone"]!);
        Assert.Equal("https://x.com/example", (string)after["socialLinks"]![0]!);
        var page = await site.Http.GetStringAsync($"/en/{code}/");
        Assert.Contains($"Ministry {code}", page);
        Assert.DoesNotContain($"Office {code}", page);
        var listed = await site.Http.GetApiAsync("/api/v1/offices");
        Assert.Contains(listed.Items, o => o.GetProperty("id").GetInt32() == id
            && o.GetProperty("names").EnumerateArray().Any(n => n.GetProperty("name").GetString() == $"Ministry {code}"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/offices/{id}/editor")).StatusCode);
        var audit = await site.Seed.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"office:{code}").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["office.created", "office.changed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.EndsWith($"(token {token.Name})", a.Actor));
    }

    [Fact]
    public async Task Only_an_administrators_admin_token_manages_offices()
    {
        var office = await site.Seed.OfficeAsync();
        var editor = await site.Seed.UserAsync(offices: [office.Id]);
        using var editorApi = site.Client(await site.TokenAsync(editor, TokenScope.Write, TokenScope.Publish));
        var (readApi, _) = await AdminAsync(scopes: [TokenScope.Read]);
        var (writeApi, _) = await AdminAsync(scopes: [TokenScope.Write, TokenScope.Publish]);
        using var reader = readApi;
        using var writer = writeApi;
        var code = Seed.Unique("leak");

        foreach (var api in new[] { editorApi, reader, writer })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/offices", NewOffice(code))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync($"/api/v1/offices/{office.Id}", new { names = new { ar = "مسروق", en = "Taken" } })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/offices/{office.Id}/editor")).StatusCode);
        }

        Assert.False(await site.Seed.WithDbAsync(db => db.Offices.AnyAsync(o => o.Code == code)));
        Assert.False(await site.Seed.WithDbAsync(db => db.Offices.Where(o => o.Id == office.Id).SelectMany(o => o.Names).AnyAsync(n => n.Name == "Taken")));
    }

    [Fact]
    public async Task Invalid_offices_are_422_with_field_errors_in_the_clients_language_and_change_nothing()
    {
        var (api, _) = await AdminAsync(language: "ar");
        using var client = api;
        var office = await site.Seed.OfficeAsync();
        var code = Seed.Unique("bad");

        var created = await api.PostAsync("/api/v1/offices", new { code, names = new { en = "Bad" }, defaultLanguage = "en", timeZone = "Mars/Base", hijriAdjustment = 5 });
        var changed = await api.PutAsync($"/api/v1/offices/{office.Id}", new { numberingPattern = "{seq:2}/{nonsense}", website = "not an address" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        var problem = await ApiClient.ProblemAsync(created);
        Assert.Equal(["hijriAdjustment", "timeZone"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Matches(@"\p{IsArabic}", (string)problem["errors"]!["timeZone"]![0]!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal(["numberingPattern", "website"], (await ApiClient.ProblemAsync(changed))["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.False(await site.Seed.WithDbAsync(db => db.Offices.AnyAsync(o => o.Code == code)));
        var stored = await site.Seed.WithDbAsync(db => db.Offices.AsNoTracking().SingleAsync(o => o.Id == office.Id));
        Assert.Equal((office.NumberingPattern, (string?)null), (stored.NumberingPattern, stored.Website));

        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsync("/api/v1/offices/999999", new { code = Seed.Unique("none") })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/offices/999999/editor")).StatusCode);
    }

    [Fact]
    public async Task A_hijri_month_start_is_recorded_and_forgotten_as_on_the_office_page()
    {
        var (api, token) = await AdminAsync(language: "ar");
        using var client = api;
        var office = await site.Seed.OfficeAsync();
        var ramadan = $"/api/v1/offices/{office.Id}/hijri-months/1445/9";

        // Umm al-Qura computes 2024-03-11; the office saw the moon a day later.
        var recorded = await api.PutAsync(ramadan, new { startsOn = "2024-03-12" });
        var tooFar = await api.PutAsync(ramadan, new { startsOn = "2024-03-20" });
        var badMonth = await api.PutAsync($"/api/v1/offices/{office.Id}/hijri-months/1445/13", new { startsOn = "2024-03-12" });
        var noDay = await api.PutAsync(ramadan, new { });

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var start = Assert.Single((await ApiClient.JsonAsync(recorded))["monthStarts"]!.AsArray())!;
        Assert.Equal(("2024-03-12", 9), ((string)start["startsOn"]!, (int)start["month"]!));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFar.StatusCode);
        var problem = await ApiClient.ProblemAsync(tooFar);
        Assert.Equal("hijri_month_too_far", (string)problem["codes"]!["startsOn"]!);
        Assert.Matches(@"\p{IsArabic}", (string)problem["errors"]!["startsOn"]![0]!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badMonth.StatusCode);
        Assert.Equal("hijri_month_invalid", (string)(await ApiClient.ProblemAsync(badMonth))["codes"]!["month"]!);
        Assert.Equal("office_month_starts_on_required", (string)(await ApiClient.ProblemAsync(noDay))["codes"]!["startsOn"]!);
        Assert.Equal(new DateOnly(2024, 3, 12), await site.Seed.WithDbAsync(db => db.HijriMonthStarts.Where(m => m.OfficeId == office.Id).Select(m => m.StartsOn).SingleAsync()));

        var forgotten = await api.DeleteAsync(ramadan);
        Assert.Equal(HttpStatusCode.OK, forgotten.StatusCode);
        Assert.Empty((await ApiClient.JsonAsync(forgotten))["monthStarts"]!.AsArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.DeleteAsync(ramadan)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync("/api/v1/offices/999999/hijri-months/1445/9")).StatusCode);
        var audit = await site.Seed.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"office:{office.Code}").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["hijri-month.recorded", "hijri-month.removed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.EndsWith($"(token {token.Name})", a.Actor));
    }
}
