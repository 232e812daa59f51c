using Bayan.Offices;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Offices;

[Trait(Suite.Category, Suite.Database)]
public sealed class HijriMonthStartTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<MonthStartOutcome> RecordAsync(string office, int year, int month, DateOnly? startsOn)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RecordHijriMonthStart>()
            .RunAsync(new MonthStartRequest(office, year, month, startsOn, "tests"), CancellationToken.None);
    }

    [Fact]
    public async Task A_recorded_ramadan_start_redates_the_office_releases_and_is_audited()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 3, 11, 9, 0, 0, DateTimeKind.Utc));
        var path = $"/en/{office.Code}/{release.Id}/{release.Versions[1].Slug}";
        var (_, before) = await site.Http.GetPageAsync(path);

        var outcome = await RecordAsync(office.Code, 1445, 9, new DateOnly(2024, 3, 12));
        var (_, after) = await site.Http.GetPageAsync(path);

        Assert.True(outcome.Changed, outcome.Message);
        Assert.StartsWith("H. 1 Ramadan 1445 — ", before.Text("article.release time"));
        Assert.StartsWith("H. 30 Sha'ban 1445 — ", after.Text("article.release time"));
        var audit = await site.Seed.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Subject == $"office:{office.Code}"));
        Assert.Equal("hijri-month.recorded", audit.Action);
        Assert.Equal("Ramadan 1445 began on 2024-03-12", audit.Details);
    }

    [Fact]
    public async Task Clearing_a_recorded_start_returns_to_the_computed_calendar()
    {
        var office = await site.Seed.OfficeAsync();
        await RecordAsync(office.Code, 1445, 10, new DateOnly(2024, 4, 11));

        var outcome = await RecordAsync(office.Code, 1445, 10, null);

        Assert.True(outcome.Changed);
        Assert.Equal(0, await site.Seed.WithDbAsync(db => db.HijriMonthStarts.CountAsync(m => m.OfficeId == office.Id)));
    }

    [Theory]
    [InlineData(1445, 9, "2024-03-20", "within 2 days")]
    [InlineData(1445, 13, "2024-03-11", "1 to 12")]
    [InlineData(1600, 1, "2024-03-11", "outside the Hijri years")]
    public async Task Bad_records_are_refused_with_the_reason_and_change_nothing(int year, int month, string day, string reason)
    {
        var office = await site.Seed.OfficeAsync();

        var outcome = await RecordAsync(office.Code, year, month, DateOnly.Parse(day));

        Assert.False(outcome.Changed);
        Assert.Contains(reason, outcome.Message);
        Assert.Equal(0, await site.Seed.WithDbAsync(db => db.HijriMonthStarts.CountAsync(m => m.OfficeId == office.Id)));
        Assert.Equal(0, await site.Seed.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == $"office:{office.Code}")));
    }

    [Fact]
    public async Task An_unknown_office_is_named_in_the_refusal()
    {
        var outcome = await RecordAsync("no-such-office", 1445, 9, new DateOnly(2024, 3, 12));

        Assert.False(outcome.Changed);
        Assert.Contains("no-such-office", outcome.Message);
    }
}
