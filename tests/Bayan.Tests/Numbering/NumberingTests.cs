using Bayan.Accounts;
using Bayan.Offices;
using Bayan.Operations;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Numbering;

[Trait(Suite.Category, Suite.Database)]
public sealed class NumberingTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Fifty_releases_published_at_once_get_the_numbers_one_to_fifty()
    {
        var office = await site.Seed.OfficeAsync();
        var drafts = await DraftsAsync(office, 50);

        var outcomes = await Task.WhenAll(drafts.Select(id => PublishAsync(site.Services, id)));

        Assert.All(outcomes, o => Assert.IsType<Outcome.Done>(o));
        var numbers = await NumbersAsync(office);
        var year = ExpectedHijriYear();
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"{year}/{n:00}"), numbers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_application_instances_on_one_database_never_give_the_same_number()
    {
        var office = await site.Seed.OfficeAsync();
        var drafts = await DraftsAsync(office, 40);
        await using var other = await site.StartNodeAsync();

        var outcomes = await Task.WhenAll(drafts.Select((id, i) => PublishAsync(i % 2 == 0 ? site.Services : other.Services, id)));

        Assert.All(outcomes, o => Assert.IsType<Outcome.Done>(o));
        var year = ExpectedHijriYear();
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"{year}/{n:00}"), (await NumbersAsync(office)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_number_is_given_once_and_kept_when_published_again()
    {
        var office = await site.Seed.OfficeAsync();
        var id = (await DraftsAsync(office, 1))[0];

        Assert.IsType<Outcome.Done>(await PublishAsync(site.Services, id));
        Assert.IsType<Outcome.Invalid>(await PublishAsync(site.Services, id));
        Assert.IsType<Outcome.NotFound>(await PublishAsync(site.Services, int.MaxValue));
        Assert.Equal([$"{ExpectedHijriYear()}/01"], await NumbersAsync(office));
    }

    [Fact]
    public async Task The_sequence_restarts_with_the_hijri_year_as_the_office_sees_it()
    {
        var office = await site.Seed.OfficeAsync();
        // 1 Muharram 1446 was 7 July 2024; in Riyadh (UTC+3) it began at 21:00 UTC on 6 July.
        var lastOf1445 = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 7, 6, 20, 59, 0, DateTimeKind.Utc));
        var alsoLastOf1445 = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 7, 6, 20, 59, 30, DateTimeKind.Utc));
        var firstOf1446 = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 7, 6, 21, 0, 0, DateTimeKind.Utc));

        Assert.Equal("1445/01", lastOf1445.ReferenceNumber);
        Assert.Equal("1445/02", alsoLastOf1445.ReferenceNumber);
        Assert.Equal("1446/01", firstOf1446.ReferenceNumber);
    }

    [Fact]
    public async Task A_retracted_release_keeps_its_number_and_the_next_one_is_new()
    {
        var office = await site.Seed.OfficeAsync();
        var first = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 8, 1, 9, 0, 0, DateTimeKind.Utc));
        await site.Seed.WithDbAsync(async db =>
        {
            (await db.Releases.FindAsync(first.Id))!.Status = ReleaseStatus.Retracted;
            await db.SaveChangesAsync();
        });
        var second = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 8, 2, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal("1446/01", first.ReferenceNumber);
        Assert.Equal("1446/02", second.ReferenceNumber);
    }

    [Fact]
    public async Task The_database_refuses_two_equal_numbers_in_one_office()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office, number: "X/1");

        await Assert.ThrowsAsync<DbUpdateException>(() => site.Seed.ReleaseAsync(office, number: "X/1"));
    }

    [Fact]
    public async Task Numbers_are_shown_on_release_pages_and_listings()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2024, 8, 1, 9, 0, 0, DateTimeKind.Utc));

        var (_, listing) = await site.Http.GetPageAsync($"/en/{office.Code}/");
        var (_, arabic) = await site.Http.GetPageAsync($"/ar/{office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions[0].Slug)}");

        Assert.Equal("No. 1446/01", listing.Text(".card .number"));
        Assert.Contains("١٤٤٦/٠١", arabic.Text("article.release .number"));
    }

    private async Task<List<int>> DraftsAsync(Office office, int count) => await site.Seed.WithDbAsync(async db =>
    {
        var releases = Enumerable.Range(0, count).Select(i => new Release
        {
            OfficeId = office.Id,
            OriginalLanguage = "ar",
            Status = ReleaseStatus.InReview,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            Versions = [new ReleaseVersion { Language = "ar", Title = $"مسودة {i}", Slug = $"draft-{i}" }],
        }).ToList();
        db.Releases.AddRange(releases);
        await db.SaveChangesAsync();
        return releases.Select(r => r.Id).ToList();
    });

    internal static async Task<Outcome> PublishAsync(IServiceProvider services, int id)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PublishRelease>().RunAsync(Actor.System("tests"), id, CancellationToken.None);
    }

    private Task<List<string>> NumbersAsync(Office office) => site.Seed.WithDbAsync(db =>
        db.Releases.Where(r => r.OfficeId == office.Id && r.ReferenceNumber != null).Select(r => r.ReferenceNumber!).ToListAsync());

    private static int ExpectedHijriYear() =>
        new System.Globalization.UmAlQuraCalendar().GetYear(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Bayan.Dates.DateFormatter.FindZone("Asia/Riyadh")));
}
