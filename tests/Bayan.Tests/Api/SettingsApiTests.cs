using System.Net;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Api;

/// <summary>The site's settings through the API: the back office's settings page, for administrators' tokens with the admin scope.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class SettingsApiTests(ApiTestSite site) : IClassFixture<ApiTestSite>
{
    private async Task<(ApiClient Api, NewToken Token)> AdminAsync(string language = "en", params TokenScope[] scopes)
    {
        var user = await site.Seed.UserAsync(administrator: true);
        var token = await site.TokenAsync(user, scopes.Length == 0 ? [TokenScope.Admin] : scopes);
        return (site.Client(token, language), token);
    }

    [Fact]
    public async Task An_administrator_changes_the_sites_names_and_clock_and_readers_see_them()
    {
        var (api, token) = await AdminAsync();
        using var client = api;
        var name = Seed.Unique("Gulf Newsroom");
        var clock = Seed.Unique("Riyadh time");

        var before = await ApiClient.JsonAsync(await api.GetAsync("/api/v1/settings"));
        Assert.Equal(["ar", "en", "tr"], before["languages"]!.AsArray().Select(l => (string)l!));
        var names = before["names"]!.AsObject().ToDictionary(n => n.Key, n => (string)n.Value!);
        names["en"] = name;
        var site1 = await api.PutAsync("/api/v1/settings/site", new { names, pageSize = 12 });
        var dates = await api.PutAsync("/api/v1/settings/dates", new { clockNames = new Dictionary<string, string> { ["en"] = clock }, headerDates = "gregorian:long" });

        Assert.Equal(HttpStatusCode.OK, site1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dates.StatusCode);
        var after = await ApiClient.JsonAsync(dates);
        Assert.Equal(12, (int)after["pageSize"]!);
        Assert.Equal(name, (string)after["names"]!["en"]!);
        Assert.Equal("gregorian:long", (string)after["headerDates"]!);
        // Left out, so kept.
        Assert.Equal((string)before["timeZone"]!, (string)after["timeZone"]!);
        Assert.Equal((string)before["names"]!["ar"]!, (string)after["names"]!["ar"]!);
        var home = await site.Http.GetStringAsync("/en/");
        Assert.Contains(name, home);
        Assert.Contains(clock, home);
        var english = (await site.Http.GetApiAsync("/api/v1/site")).Json.GetProperty("languages").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "en");
        Assert.Equal((name, clock), (english.GetProperty("siteName").GetString(), english.GetProperty("clockName").GetString()));
        var audit = await site.Seed.WithDbAsync(db => db.AuditEntries.Where(a => a.Actor.EndsWith($"(token {token.Name})")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["site.settings-changed", "site.dates-changed"], audit);
    }

    [Fact]
    public async Task Nobody_but_an_administrators_admin_token_reads_or_changes_the_settings()
    {
        var office = await site.Seed.OfficeAsync();
        var editor = await site.Seed.UserAsync(offices: [office.Id]);
        using var editorApi = site.Client(await site.TokenAsync(editor, TokenScope.Write, TokenScope.Publish));
        var (readApi, _) = await AdminAsync(scopes: [TokenScope.Read]);
        using var reader = readApi;
        var before = await site.Seed.WithDbAsync(db => db.Sites.AsNoTracking().SingleAsync());

        foreach (var api in new[] { editorApi, reader })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/settings")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/v1/settings/site", new { pageSize = 99 })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/v1/settings/dates", new { timeZone = "Europe/Istanbul" })).StatusCode);
        }

        var after = await site.Seed.WithDbAsync(db => db.Sites.AsNoTracking().SingleAsync());
        Assert.Equal((before.PageSize, before.TimeZone), (after.PageSize, after.TimeZone));
    }

    [Fact]
    public async Task Invalid_settings_are_422_with_field_errors_in_the_clients_language_and_change_nothing()
    {
        var (api, _) = await AdminAsync(language: "ar");
        using var client = api;
        var before = await ApiClient.JsonAsync(await api.GetAsync("/api/v1/settings"));

        var siteAnswer = await api.PutAsync("/api/v1/settings/site", new { languages = new[] { "ar", "en", "tr", "ru" }, defaultLanguage = "fr", pageSize = 500 });
        var datesAnswer = await api.PutAsync("/api/v1/settings/dates", new
        {
            timeZone = "Mars/Base", headerDates = "hijri:huge", extendedDigits = !(bool)before["extendedDigits"]!,
            clockNames = new Dictionary<string, string> { ["de"] = "Zeit" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, siteAnswer.StatusCode);
        var siteProblem = await ApiClient.ProblemAsync(siteAnswer);
        Assert.Equal(["defaultLanguage", "names.ru", "pageSize"], siteProblem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Matches(@"\p{IsArabic}", (string)siteProblem["errors"]!["pageSize"]![0]!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, datesAnswer.StatusCode);
        var datesProblem = await ApiClient.ProblemAsync(datesAnswer);
        Assert.Equal(["clockNames.de", "headerDates", "timeZone"], datesProblem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Matches(@"\p{IsArabic}", (string)datesProblem["errors"]!["headerDates"]![0]!);
        var after = await ApiClient.JsonAsync(await api.GetAsync("/api/v1/settings"));
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }
}
