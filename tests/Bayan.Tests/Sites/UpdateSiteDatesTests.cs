using Bayan.Sites;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Sites;

[Trait(Suite.Category, Suite.Database)]
public sealed class UpdateSiteDatesTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<SiteDatesOutcome> ChangeAsync(SiteDatesChange change)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UpdateSiteDates>().RunAsync(change, "tests", CancellationToken.None);
    }

    [Fact]
    public async Task Bad_values_are_all_named_and_change_nothing()
    {
        var before = await site.Seed.WithDbAsync(db => db.Sites.AsNoTracking().SingleAsync());

        var outcome = await ChangeAsync(new SiteDatesChange(
            HeaderDates: "hijri:huge", DatelineDates: "mayan:long", TimeZone: "Mars/Base", ExtendedDigits: true,
            ClockNames: new Dictionary<string, string> { ["de"] = "Zeit" }));

        Assert.False(outcome.Changed);
        Assert.Equal(4, outcome.Errors.Count);
        Assert.Contains(outcome.Errors, e => e.Contains("hijri:huge"));
        Assert.Contains(outcome.Errors, e => e.Contains("Mars/Base"));
        var after = await site.Seed.WithDbAsync(db => db.Sites.AsNoTracking().SingleAsync());
        Assert.Equal((before.HeaderDates, before.ExtendedDigits, before.TimeZone), (after.HeaderDates, after.ExtendedDigits, after.TimeZone));
    }

    [Fact]
    public async Task Good_values_change_the_dates_readers_see_and_are_audited()
    {
        try
        {
            var outcome = await ChangeAsync(new SiteDatesChange(
                HeaderDates: "gregorian:long  hijri-tabular:short",
                ClockNames: new Dictionary<string, string> { ["en"] = "Riyadh time" }));

            Assert.True(outcome.Changed);
            var (_, page) = await site.Http.GetPageAsync("/en/");
            Assert.Contains(" — ", page.QuerySelector(".today time")!.TextContent);
            Assert.EndsWith("Riyadh time", page.QuerySelector(".clock")!.TextContent.Trim());
            var stored = await site.Seed.WithDbAsync(db => db.Sites.AsNoTracking().SingleAsync());
            Assert.Equal("gregorian:long hijri-tabular:short", stored.HeaderDates);
            Assert.True(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "site.dates-changed")));
        }
        finally
        {
            await ChangeAsync(new SiteDatesChange(HeaderDates: Site.DefaultHeaderDates, ClockNames: new Dictionary<string, string> { ["en"] = "" }));
        }
    }
}
