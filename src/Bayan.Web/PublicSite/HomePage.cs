using Bayan.Data;
using Bayan.Localization;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

/// <summary>/{lang}/: the latest releases, and on the first page the latest of each office.</summary>
internal static class HomePage
{
    private const int PerOffice = 3;

    public static async Task<IResult> HandleAsync(
        string lang, HttpContext http, SiteReader sites, PageRenderer pages, BayanDb db, TimeProvider clock)
    {
        var request = await PublicRequest.OpenAsync(http, sites, pages, lang);
        if (request.Stop is { } stop)
            return stop;
        var site = request.Site!;
        var ct = http.RequestAborted;
        var now = clock.GetUtcNow().UtcDateTime;
        var path = SiteUrls.Home(lang);

        var inLanguage = db.ReleaseVersions.VisibleAt(now).Where(v => v.Language == lang);
        var listing = await Listing.LoadAsync(inLanguage, request.Page, site, lang, path, ct);
        if (listing is null)
            return await pages.NotFoundAsync(http, site, lang, Messages.Format(lang, "error_page_out_of_range", request.Page));

        var blocks = new List<OfficeBlock>();
        if (request.Page == 1)
        {
            var offices = await db.Offices.AsNoTracking().Include(o => o.Names)
                .OrderBy(o => o.Position).ThenBy(o => o.Code).ToListAsync(ct);
            foreach (var office in offices)
            {
                var latest = await inLanguage.Where(v => v.Release.OfficeId == office.Id)
                    .WithListingData().NewestFirst().Take(PerOffice).ToListAsync(ct);
                if (latest.Count > 0)
                    blocks.Add(new OfficeBlock(office.NameIn(lang), SiteUrls.Office(lang, office.Code), [.. latest.Select(v => ReleaseCard.From(v, site))]));
            }
        }

        var values = listing.ToValues();
        values["office_blocks"] = blocks;
        var info = new PageInfo(site.In(lang).SiteName, SiteUrls.WithPage(path, request.Page))
        {
            Versions = [.. site.Languages.Select(l => (l.Code, SiteUrls.WithPage(SiteUrls.Home(l.Code), request.Page)))],
            Description = site.In(lang).Tagline,
        };
        return await pages.RenderAsync(http, site, lang, "home", info, values);
    }
}

public sealed record OfficeBlock(string Name, string Url, IReadOnlyList<ReleaseCard> Releases);
