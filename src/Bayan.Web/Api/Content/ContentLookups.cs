using System.Globalization;
using Bayan.Categories;
using Bayan.Sites;
using Bayan.Web.PublicSite;

namespace Bayan.Web.Api.Content;

/// <summary>Categories as filters name them: by id, or by slug in any language.</summary>
internal static class ContentLookups
{
    public static Category? FindCategory(SiteSnapshot site, string idOrSlug)
    {
        if (int.TryParse(idOrSlug, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return site.CategoryWithId(id);
        return site.Languages.Select(l => site.CategoryWithSlug(l.Code, idOrSlug)).FirstOrDefault(c => c is not null)?.Category;
    }
}
