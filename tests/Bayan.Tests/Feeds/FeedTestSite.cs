using Bayan.Accounts;
using Bayan.Categories;
using Bayan.Editing;
using Bayan.Feeds;
using Bayan.Offices;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Feeds;

/// <summary>
/// A site whose clock the tests move: publication times, edits and the two days of the news sitemap
/// are then set by the test, never by how long the machine took. The clock only ever moves forward.
/// </summary>
public sealed class FeedTestSite : TestSite
{
    public static readonly Actor Editor = Actor.System("editor");

    // Whole seconds, as feeds, sitemaps and HTTP dates write them, so that times compare exactly.
    public FeedTestSite() => Clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public DateTime Now => Clock!.Now.UtcDateTime;

    /// <summary>Moves the clock on, so that what happens next is later, to the second, than what came before.</summary>
    public void Advance(TimeSpan by) => Clock!.Now += by;

    /// <summary>A published release in Arabic and English, out <paramref name="minutesAgo"/> by the site's clock.</summary>
    public Task<Release> ReleaseAsync(Office office, Category? category = null, string? title = null, double minutesAgo = 5) =>
        Seed.ReleaseAsync(office, title: title, category: category, publishAt: Now.AddMinutes(-minutesAgo));

    public Task<ReleaseVersion> VersionAsync(int releaseId, string lang) =>
        Seed.WithDbAsync(db => db.ReleaseVersions.AsNoTracking().SingleAsync(v => v.ReleaseId == releaseId && v.Language == lang));

    /// <summary>An editor's save of a new title (and so a new slug) for one language version.</summary>
    public async Task RetitleAsync(int releaseId, string lang, string title)
    {
        var version = await VersionAsync(releaseId, lang);
        var outcome = await InScopeAsync(s => s.GetRequiredService<SaveVersion>().RunAsync(Editor,
            new VersionEdit(releaseId, lang, title, null, version.Summary, version.Body, version.ConcurrencyVersion), default));
        Assert.IsType<Outcome.Done>(outcome);
    }

    public string Absolute(string path) => new Uri(BaseAddress, path).AbsoluteUri;
}

/// <summary>Public addresses as a reader types them, percent-encoded where a slug is Arabic.</summary>
public static class Paths
{
    public static string Release(Release release, string lang) =>
        $"/{lang}/{release.Office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions.Single(v => v.Language == lang).Slug)}";

    public static string Office(string lang, Office office) => $"/{lang}/{office.Code}/";

    public static string Category(string lang, Category category) =>
        $"/{lang}/category/{Uri.EscapeDataString(category.Names.Single(n => n.Language == lang).Slug)}/";

    /// <summary>The listings that have feeds in <paramref name="lang"/>: the site, the office and the category when it has a name in that language.</summary>
    public static IEnumerable<string> Listings(string lang, Office office, Category category)
    {
        yield return $"/{lang}/";
        yield return Office(lang, office);
        if (category.Names.Any(n => n.Language == lang))
            yield return Category(lang, category);
    }

    public static string Feed(string listing, FeedFormat format) => $"{listing}feed.{format.Extension()}";
}
