using Bayan.Data;
using Bayan.Feeds;
using Bayan.Importing;
using Bayan.Releases;
using Bayan.Sites;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Redirects;

/// <summary>
/// What an old address answers now: a redirect made by hand first, then what imported items became
/// (<see cref="OldShapes"/>). Asked only for addresses Bayan itself has no page for, so ordinary pages never pay.
/// </summary>
public sealed class RedirectQueries(BayanDb db, SiteReader sites, TimeProvider clock)
{
    /// <param name="path">The request's path, as received.</param>
    /// <param name="query">Its query's values, first of each name, names in lower case.</param>
    public async Task<RedirectAnswer?> ResolveAsync(string path, IReadOnlyDictionary<string, string> query, CancellationToken ct)
    {
        var site = await sites.LoadAsync(ct);
        if (site is null)
            return null;
        var key = OldPaths.Key(path);
        if (key.Length is > 0 and <= Limits.Url)
        {
            var manual = await db.Set<Redirect>().AsNoTracking().Where(r => r.FromKey == key)
                .Select(r => new { r.To, r.Gone }).FirstOrDefaultAsync(ct);
            if (manual is not null)
                return manual.Gone || manual.To is null ? new RedirectAnswer.Gone() : new RedirectAnswer.Moved(manual.To);
        }
        foreach (var lookup in OldShapes.Of(key, query))
        {
            var answer = lookup switch
            {
                OldLookup.Feed feed => new RedirectAnswer.Moved(SiteUrls.Feed(
                    SiteUrls.Home(site.IsEnabled(feed.Language) ? feed.Language! : site.Site.DefaultLanguage), feed.Atom ? FeedFormat.Atom : FeedFormat.Rss)),
                _ => await ImportedAsync(lookup, site, ct),
            };
            if (answer is not null)
                return answer;
        }
        return null;
    }

    private async Task<RedirectAnswer?> ImportedAsync(OldLookup lookup, SiteSnapshot site, CancellationToken ct)
    {
        var items = db.ImportedItems.AsNoTracking();
        items = lookup switch
        {
            OldLookup.ById byId => items.Where(i => i.Source == byId.Source && byId.Kinds.Contains(i.Kind) && i.SourceId == byId.SourceId),
            OldLookup.ByPath byPath when byPath.Key.Length <= Limits.Url => items.Where(i => i.OldPath == byPath.Key),
            _ => items.Where(_ => false),
        };
        // The newest import wins when two old sites had the same id; a translation in the asked language first.
        var found = await items.Where(i => i.TargetId != null && i.Redirect != ImportedRedirect.Removed)
            .OrderByDescending(i => i.Language == lookup.Language).ThenByDescending(i => i.UpdatedAt).Take(4).ToListAsync(ct);
        foreach (var item in found)
        {
            if (await DestinationAsync(item, lookup.Language, site, ct) is { } answer)
                return answer;
        }
        return null;
    }

    /// <summary>
    /// Where an imported item's old addresses lead: its page in the asked language, else the language it became;
    /// 410 when it was deleted or marked gone; null (a plain 404) while it is not to be seen (a draft, an embargo).
    /// </summary>
    internal Task<RedirectAnswer?> DestinationAsync(ImportedItem item, string? language, SiteSnapshot site, CancellationToken ct) =>
        item.Redirect switch
        {
            ImportedRedirect.Gone => Task.FromResult<RedirectAnswer?>(new RedirectAnswer.Gone()),
            ImportedRedirect.Removed => Task.FromResult<RedirectAnswer?>(null),
            _ => TargetAsync(item, language, site, ct),
        };

    /// <summary>Where the item's page is now, whatever an administrator said of its old addresses.</summary>
    internal async Task<RedirectAnswer?> TargetAsync(ImportedItem item, string? language, SiteSnapshot site, CancellationToken ct)
    {
        if (item.TargetId is not { } target)
            return null;
        string[] preferred = [.. new[] { language, item.Language }.OfType<string>().Where(site.IsEnabled),
            .. site.Languages.Select(l => l.Code)];
        if (item.Kind == ImportKinds.Attachment)
        {
            if (!Guid.TryParse(target, out var mediaId))
                return null;
            var url = await db.Media.AsNoTracking().Where(m => m.Id == mediaId).Select(m => m.Url).FirstOrDefaultAsync(ct);
            return url is null ? new RedirectAnswer.Gone() : Moved(url);
        }
        if (!int.TryParse(target, out var id))
            return null;
        switch (item.Kind)
        {
            case ImportKinds.Post:
                var now = clock.GetUtcNow().UtcDateTime;
                var release = await db.Releases.AsNoTracking().Where(r => r.Id == id).Select(r => new
                {
                    r.Status,
                    r.PublishAt,
                    Office = r.Office.Code,
                    Versions = r.Versions.Select(v => new { v.Language, v.Slug }).ToList(),
                }).FirstOrDefaultAsync(ct);
                if (release is null)
                    return new RedirectAnswer.Gone();
                // Its own address says when it was retracted; before it is out it is not there at all.
                var shown = (release.Status == ReleaseStatus.Published && release.PublishAt <= now) || release.Status == ReleaseStatus.Retracted;
                var version = preferred.Select(l => release.Versions.FirstOrDefault(v => v.Language == l)).FirstOrDefault(v => v is not null);
                return !shown || version is null ? null : Moved(SiteUrls.Release(version.Language, release.Office, id, version.Slug));
            case Importing.K2.K2Run.OfficeKind:
                var office = await db.Offices.AsNoTracking().Where(o => o.Id == id).Select(o => o.Code).FirstOrDefaultAsync(ct);
                return office is null ? new RedirectAnswer.Gone() : Moved(SiteUrls.Office(preferred[0], office));
            case ImportKinds.Page:
                var page = await db.Pages.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Key, p.Language, p.Slug }).FirstOrDefaultAsync(ct);
                if (page is null)
                    return new RedirectAnswer.Gone();
                var translations = await db.Pages.AsNoTracking().Where(p => p.Key == page.Key).Select(p => new { p.Language, p.Slug }).ToListAsync(ct);
                var chosen = preferred.Select(l => translations.FirstOrDefault(p => p.Language == l)).FirstOrDefault(p => p is not null)
                    ?? new { page.Language, page.Slug };
                return Moved(SiteUrls.Page(chosen.Language, chosen.Slug));
            case ImportKinds.Category:
                var categoryNames = await db.CategoryNames.AsNoTracking().Where(n => n.CategoryId == id).Select(n => new { n.Language, n.Slug }).ToListAsync(ct);
                var category = preferred.Select(l => categoryNames.FirstOrDefault(n => n.Language == l)).FirstOrDefault(n => n is not null);
                return categoryNames.Count == 0 ? new RedirectAnswer.Gone() : category is null ? null : Moved(SiteUrls.Category(category.Language, category.Slug));
            case ImportKinds.Tag:
                var tagNames = await db.TagNames.AsNoTracking().Where(n => n.TagId == id).Select(n => new { n.Language, n.Slug }).ToListAsync(ct);
                var tag = preferred.Select(l => tagNames.FirstOrDefault(n => n.Language == l)).FirstOrDefault(n => n is not null);
                return tagNames.Count == 0 ? new RedirectAnswer.Gone() : tag is null ? null : Moved(SiteUrls.Tag(tag.Language, tag.Slug));
            default:
                return null;
        }
    }

    private static RedirectAnswer.Moved Moved(string location) => new(location);
}
