using Bayan.Operations;
using System.Globalization;
using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.PublicSite;

/// <summary>Readers of a translation whose original changed after it was translated are told so, with the date, and led to the original.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class OutdatedTranslationTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly Actor Editor = Actor.System("editor");

    private static string PathOf(Release release, string lang) =>
        $"/{lang}/{release.Office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions.Single(v => v.Language == lang).Slug)}";

    private async Task SaveAsync(Release release, string lang, string title)
    {
        var version = await site.Seed.WithDbAsync(db => db.ReleaseVersions.SingleAsync(v => v.ReleaseId == release.Id && v.Language == lang));
        var outcome = await site.InScopeAsync(s => s.GetRequiredService<SaveVersion>().RunAsync(Editor,
            new VersionEdit(release.Id, lang, title, version.Slug, version.Summary, version.Body + " (changed)", version.ConcurrencyVersion), default));
        Assert.IsType<Outcome.Done>(outcome);
    }

    [Fact]
    public async Task A_translation_behind_its_original_says_so_until_it_is_brought_up_to_date()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var (_, before) = await site.Http.GetPageAsync(PathOf(release, "en"));
        Assert.Null(before.QuerySelector("article.release .outdated"));

        await SaveAsync(release, "ar", release.Versions.Single(v => v.Language == "ar").Title);

        var (_, behind) = await site.Http.GetPageAsync(PathOf(release, "en"));
        var notice = behind.QuerySelector("article.release .outdated")!;
        var changed = await site.Seed.WithDbAsync(db => db.ReleaseVersions.Where(v => v.ReleaseId == release.Id && v.Language == "ar").Select(v => v.UpdatedAt).SingleAsync());
        var riyadh = changed.AddHours(3);
        // Dates keep their pieces together with no-break spaces.
        Assert.Contains(riyadh.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), notice.TextContent.Replace('\u00A0', ' '));
        Assert.StartsWith("The original of this translation was changed on", notice.TextContent.Trim());
        Assert.Equal(PathOf(release, "ar"), notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Read the original (العربية)", notice.QuerySelector("a")!.TextContent);
        // The original itself never carries the notice.
        var (_, original) = await site.Http.GetPageAsync(PathOf(release, "ar"));
        Assert.Null(original.QuerySelector("article.release .outdated"));

        await SaveAsync(release, "en", release.Versions.Single(v => v.Language == "en").Title);

        var (_, current) = await site.Http.GetPageAsync(PathOf(release, "en"));
        Assert.Null(current.QuerySelector("article.release .outdated"));
    }
}
