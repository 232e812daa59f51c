namespace Bayan.Web.Caching;

/// <summary>
/// The names copies of public pages are kept under, so that a change drops exactly the copies that
/// show it: a page names what it shows while it renders (<see cref="PageCache.Tag"/>), and
/// <see cref="CacheEviction"/> names what a change touched.
/// </summary>
internal static class CacheTags
{
    /// <summary>Every copy: settings, menus and the names of offices and categories are on every page.</summary>
    public const string Everything = "site";

    /// <summary>What lists the newest releases of the whole site: home pages, the site's archive and the site's feeds.</summary>
    public const string SiteListings = "listings";

    public const string Sitemaps = "sitemaps";

    /// <summary>Search answers: any release published, edited or taken down may enter or leave any of them.</summary>
    public const string Search = "search";

    public static string Release(int id) => $"release:{id}";

    /// <summary>An office's listing, archive and feeds.</summary>
    public static string Office(int id) => $"office:{id}";

    /// <summary>Listings and feeds showing the releases of a category (a parent's show its subcategories' too).</summary>
    public static string Category(int id) => $"category:{id}";

    public static string Tag(int id) => $"tag:{id}";

    /// <summary>A static page and its translations.</summary>
    public static string Page(string key) => $"page:{key}";
}
