using Bayan.Comments;
using Bayan.Dates;
using Bayan.Numbering;
using Bayan.Localization;
using Bayan.Offices;
using Bayan.Releases;
using Bayan.Slugs;
using Bayan.Web.Caching;
using Bayan.Navigation;
using Bayan.Sites;

namespace Bayan.Web.PublicSite;

/// <summary>/{lang}/{office}/{id}/{slug}: one release in one language; any other spelling of its address redirects there.</summary>
internal static class ReleasePage
{
    public static async Task<IResult> HandleAsync(
        string lang, string office, int id, string? slug,
        HttpContext http, SiteReader sites, PageRenderer pages, ReleaseCopies copies, TimeProvider clock)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        if (!Slug.IsWellFormed(office) || (slug is not null && !Slug.IsWellFormed(slug)))
            return await pages.NotFoundAsync(http, site, lang);

        var now = clock.GetUtcNow().UtcDateTime;
        // The database context is taken only when the copy has to be read: most views need none.
        var copy = await copies.GetAsync(site, id, ct => ReadAsync(http.RequestServices, site, id, ct), http.RequestAborted);
        if (copy is null)
            return await pages.NotFoundAsync(http, site, lang);
        var release = copy.Release;

        PageCache.Tag(http, CacheTags.Release(release.Id));
        var available = release.Versions.Where(v => site.IsEnabled(v.Language))
            .OrderBy(v => site.PositionOf(v.Language)).ToList();
        var version = available.FirstOrDefault(v => v.Language == lang);
        if (version is null)
        {
            return await pages.NotFoundAsync(http, site, lang,
                Messages.Format(lang, "error_not_in_language", Languages.Get(lang).NativeName),
                [.. available.Select(v => new Link($"{Languages.Get(v.Language).NativeName}: {v.Title}", UrlOf(release, v)))]);
        }

        var canonical = UrlOf(release, version);
        if (office != release.Office.Code || slug != version.Slug)
            return Results.Redirect(canonical, permanent: true);

        var info = new PageInfo(version.Title, canonical)
        {
            Versions = [.. available.Select(v => (v.Language, UrlOf(release, v)))],
            Description = version.Summary,
            Feeds = FeedEndpoints.Links(FeedEndpoints.OfficeTitle(site, lang, release.Office.NameIn(lang)), SiteUrls.Office(lang, release.Office.Code)),
        };
        if (release.Status == ReleaseStatus.Retracted)
        {
            // The address stays, and says plainly that the release was withdrawn and why.
            return await pages.RenderAsync(http, site, lang, "retracted", info with { NoIndex = true }, new Dictionary<string, object?>
            {
                ["title"] = version.Title,
                ["notice"] = Messages.Format(lang, "release_retracted", site.Dates.Dateline(release.RetractedAt ?? release.UpdatedAt, release.Office, lang).Text),
                ["note"] = VersionNotes.Pick(release, version, v => v.RetractionNote),
            }, StatusCodes.Status410Gone);
        }

        var origin = RequestOrigin.Of(http.Request);
        var values = copy.Shown(lang, origin, () => Shown(release, version, site, lang, origin)).ToValues();
        CommentSection.Add(values, http, site, release, version, copy.ApprovedUnder(version), now, state: null);
        return await pages.RenderAsync(http, site, lang, "release", info, values);
    }

    /// <summary>
    /// The release with everything its page shows, and the approved comments under it; null when it is not
    /// to be seen. The API's answer for one release is made from the same copy.
    /// </summary>
    internal static async Task<ReleaseCopies.Copy?> ReadAsync(IServiceProvider services, SiteSnapshot site, int id, CancellationToken ct)
    {
        // The same read as the API's one release: visible now, or retracted (its address says so).
        var release = await services.GetRequiredService<PublicReleaseQuery>().FindAsync(id, ct);
        if (release is null)
            return null;
        var comments = await services.GetRequiredService<CommentQueries>().ApprovedUnderReleaseAsync(id, ct);
        return new ReleaseCopies.Copy(site, release.WithSiteData(site), comments);
    }

    /// <summary>Everything the release template shows of one language version, and what its head tells link previews and search engines.</summary>
    /// <param name="origin">What absolute links begin with: "https://news.example.org".</param>
    public static Dictionary<string, object?> Values(Release release, ReleaseVersion version, SiteSnapshot site, string lang, string origin) =>
        Shown(release, version, site, lang, origin).ToValues();

    private static ShownRelease Shown(Release release, ReleaseVersion version, SiteSnapshot site, string lang, string origin)
    {
        var original = release.Versions.FirstOrDefault(v => v.IsOriginal);
        var shown = release.Versions.Where(v => site.IsEnabled(v.Language)).ToList();
        return new ShownRelease(
            ReleaseMetadata.For(release, version, shown, site, origin),
            new ReleaseView(
                version.Title,
                version.Summary,
                version.BodyHtml,
                site.Dates.Dateline(release.PublishAt ?? release.CreatedAt, release.Office, lang),
                release.ReferenceNumber is null ? null : ReferenceNumberText.Shown(release.ReferenceNumber, lang, site.Site),
                ReleaseCard.TypeLabel(release.Type, lang),
                release.Office.NameIn(lang),
                SiteUrls.Office(lang, release.Office.Code),
                !version.IsOriginal,
                original is null || version.IsOriginal || !site.IsEnabled(original.Language)
                    ? null
                    : new Link(Messages.Format(lang, "release_translated_from", Languages.Get(original.Language).NativeName), UrlOf(release, original)),
                [.. release.Categories.OrderBy(c => c.Position).ThenBy(c => c.Id).Select(c => c.NameIn(lang)).OfType<Categories.CategoryName>().Select(n => new Link(n.Name, SiteUrls.Category(lang, n.Slug)))],
                // Only the tags named in the page's language: a name in another language belongs on its own pages.
                [.. release.Tags.Select(t => t.NameIn(lang)).OfType<Tags.TagName>().Select(n => new TagLink(n.Name, SiteUrls.Tag(lang, n.Slug), TextLanguage.Known(lang)))],
                release.FeaturedImage,
                [.. release.Attachments.OrderBy(a => a.Position).Select(a => new Link($"{a.Media.FileName} ({Math.Max(1, a.Media.Bytes / 1024)} KB)", a.Media.Url))],
                VersionNotes.Pick(release, version, v => v.CorrectionNote) is not { } correction ? null : new Correction(
                    Messages.Format(lang, "release_correction", site.Dates.Dateline(release.CorrectedAt ?? release.UpdatedAt, release.Office, lang).Text),
                    correction),
                VersionNotes.Outdated(release, version, site, lang),
                OfficeSignature.For(release.Office, lang)));
    }

    /// <summary>What a release page shows of one version, made from the release alone (no time, no reader).</summary>
    private sealed record ShownRelease(ReleaseMetadata Meta, ReleaseView View)
    {
        public Dictionary<string, object?> ToValues() => new() { ["meta"] = Meta, ["release"] = View };
    }

    public static string UrlOf(Release release, ReleaseVersion version) =>
        SiteUrls.Release(version.Language, release.Office.Code, release.Id, version.Slug);
}

public sealed record ReleaseView(
    string Title,
    string Summary,
    string BodyHtml,
    LocalDate Date,
    string? Number,
    string Type,
    string OfficeName,
    string OfficeUrl,
    bool Translated,
    Link? Original,
    IReadOnlyList<Link> Categories,
    IReadOnlyList<TagLink> Tags,
    string? FeaturedImage,
    IReadOnlyList<Link> Attachments,
    Correction? Correction,
    OutdatedNotice? Outdated,
    OfficeSignature Signature);

public sealed record Correction(string Label, NoteText Note);

/// <summary>A tag under a release, named in the page's language.</summary>
public sealed record TagLink(string Label, string Url, TextLanguage Language);
