using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.PublicSite;

/// <summary>A site whose clock stands at Thursday 21 November 2024, 11:05 UTC (14:05 in Makkah).</summary>
public sealed class ClockedTestSite : TestSite
{
    public ClockedTestSite() => Clock = new ManualClock(new DateTimeOffset(2024, 11, 21, 11, 5, 0, TimeSpan.Zero));

    protected override async Task FillAsync()
    {
        await Seed.SiteAsync();
        await Seed.WithDbAsync(async db =>
        {
            await db.SiteLanguages.Where(l => l.Code == "en").ExecuteUpdateAsync(l => l.SetProperty(x => x.ClockName, "Makkah time"));
            await db.SiteLanguages.Where(l => l.Code == "ar").ExecuteUpdateAsync(l => l.SetProperty(x => x.ClockName, "بتوقيت مكة المكرمة"));
        });
    }
}

[Trait(Suite.Category, Suite.Database)]
public sealed class HeaderTests(ClockedTestSite site) : IClassFixture<ClockedTestSite>
{
    [Theory]
    [InlineData("en", "Thursday, 19 Jumada al-Awwal 1446 — 2024/11/21", "14:05 Makkah time")]
    [InlineData("ar", "الخميس، ١٩ جمادى الأولى ١٤٤٦ — ٢٠٢٤/١١/٢١", "١٤:٠٥ بتوقيت مكة المكرمة")]
    [InlineData("tr", "Perşembe, 19 Cemaziyelevvel 1446 — 2024/11/21", "14:05")]
    public async Task Every_page_header_shows_today_in_the_site_calendars_and_the_time_in_its_zone(string lang, string today, string clock)
    {
        var (_, page) = await site.Http.GetPageAsync($"/{lang}/");

        var header = page.QuerySelector(".today")!;
        Assert.Equal(today, header.QuerySelector("time")!.TextContent.Readable());
        Assert.Equal("2024-11-21", header.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal(clock, header.QuerySelector(".clock")!.TextContent.Trim().Readable());
        Assert.Equal("2024-11-21T14:05:00+03:00", header.QuerySelector("time[data-clock]")!.GetAttribute("datetime"));
        Assert.Equal("Asia/Riyadh", header.QuerySelector("time[data-clock]")!.GetAttribute("data-zone"));
    }

    [Fact]
    public async Task Header_follows_the_site_settings_for_calendars_and_order()
    {
        await site.Seed.WithDbAsync(db => db.Sites.ExecuteUpdateAsync(s => s.SetProperty(x => x.HeaderDates, "gregorian:long solar-hijri:medium")));
        try
        {
            var (_, page) = await site.Http.GetPageAsync("/en/");

            Assert.Equal("Thursday, 21 November 2024 — 1 Azar 1403", page.QuerySelector(".today time")!.TextContent.Readable());
        }
        finally
        {
            await site.Seed.WithDbAsync(db => db.Sites.ExecuteUpdateAsync(s => s.SetProperty(x => x.HeaderDates, Bayan.Sites.Site.DefaultHeaderDates)));
        }
    }
}
