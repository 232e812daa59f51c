using Bayan.Accounts;
using Bayan.Dates;
using Bayan.Editing;
using Bayan.Embargo;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Embargo;

/// <summary>An embargo or publication time is written with its hour, its zone's name and its day, in the reader's language.</summary>
public sealed class ZonedTimesTests
{
    // Monday 7 December 2026, 07:39 in Riyadh.
    private static readonly DateTime Due = new(2026, 12, 7, 4, 39, 0, DateTimeKind.Utc);

    private static ZonedTimes Times(params (string Code, string Clock)[] clocks) => new(
        new Site { DefaultLanguage = "ar", TimeZone = "Asia/Riyadh" },
        [.. clocks.Select((c, i) => new SiteLanguage { Code = c.Code, Position = i, SiteName = "", ClockName = c.Clock })],
        DateFormatter.FindZone("Asia/Riyadh"));

    [Fact]
    public void English_gives_hour_clock_name_and_day() =>
        Assert.Equal("07:39 Makkah time, Monday, 7 December 2026", Times(("en", "Makkah time")).Format(Due, "en").Readable());

    [Fact]
    public void Arabic_gives_them_in_arabic_digits_and_words()
    {
        var text = Times(("ar", "بتوقيت مكة المكرمة")).Format(Due, "ar");
        Assert.StartsWith("٠٧:٣٩ بتوقيت مكة المكرمة", text);
        Assert.Contains("٢٠٢٦", text);
        Assert.DoesNotMatch("[0-9]", text);
    }

    [Fact]
    public void Without_a_clock_name_the_zone_and_its_offset_name_it() =>
        Assert.Equal("07:39 Asia/Riyadh (UTC+03:00), Monday, 7 December 2026", Times().Format(Due, "en").Readable());
}

/// <summary>A site in Riyadh whose clock stands before the test's embargo, with the header's clock names set.</summary>
public sealed class ZonedTimeTestSite : TestSite
{
    public ZonedTimeTestSite() => Clock = new ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    protected override async Task FillAsync()
    {
        await base.FillAsync();
        await Seed.WithDbAsync(async db =>
        {
            await db.SiteLanguages.Where(l => l.Code == "en").ExecuteUpdateAsync(s => s.SetProperty(l => l.ClockName, "Makkah time"));
            await db.SiteLanguages.Where(l => l.Code == "ar").ExecuteUpdateAsync(s => s.SetProperty(l => l.ClockName, "بتوقيت مكة المكرمة"));
        });
    }
}

/// <summary>Every place that shows when a scheduled release comes out says the hour, the zone and the day.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ZonedTimePagesTests(ZonedTimeTestSite site) : IClassFixture<ZonedTimeTestSite>
{
    private const string Expected = "07:39 Makkah time, Monday, 7 December 2026";

    [Fact]
    public async Task Scheduling_form_confirmation_release_detail_list_and_preview_banner_give_hour_and_zone()
    {
        var office = await site.Seed.OfficeAsync();
        var id = Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Actor.System("tests"),
            new NewRelease(office.Id, ReleaseType.Statement, "ar", "بيان مجدول", null, "ملخص", "نص", [], []), default))).ReleaseId;
        await site.InScopeAsync(s => s.GetRequiredService<SaveVersion>().RunAsync(Actor.System("tests"), new VersionEdit(id, "en", "Scheduled statement", null, "", "Text", null), default));
        var admin = await site.Seed.UserAsync(administrator: true);
        using var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(admin.Email!, Seed.Password));

        // The form asks for the time in the site's zone.
        var scheduled = await client.PostFormAsync($"/admin/releases/{id}", $"/admin/releases/{id}?handler=Schedule", [new("at", "2026-12-07T07:39")]);
        var confirmation = await client.PageAsync(scheduled.Headers.Location!.OriginalString);
        Assert.Equal($"Scheduled: it will be published at {Expected}.", confirmation.Text(".notice").Readable());
        Assert.Equal($"Publishes at {Expected}", confirmation.Text(".facts .due").Readable());

        var list = await client.PageAsync("/admin?status=Scheduled");
        var row = list.QuerySelectorAll("table.list tbody tr").Single(r => r.QuerySelector($"a[href='/admin/releases/{id}']") is not null);
        Assert.Equal($"Publishes at {Expected}", row.QuerySelector(".due")!.TextContent.Trim().Readable());

        var (link, _) = await site.InScopeAsync(s => s.GetRequiredService<EmbargoLinks>().CreateAsync(Actor.System("tests"), id, "Wire agencies", default));
        var (_, english) = await site.Http.GetPageAsync(link!.Path + "?lang=en");
        Assert.StartsWith($"Embargoed until {Expected}.", english.Text(".embargo").Readable());
        var (_, arabic) = await site.Http.GetPageAsync(link.Path + "?lang=ar");
        Assert.StartsWith("محظور النشر حتى ٠٧:٣٩ بتوقيت مكة المكرمة", arabic.Text(".embargo"));
    }
}
