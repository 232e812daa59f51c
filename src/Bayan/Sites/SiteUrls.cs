using Bayan.Feeds;

namespace Bayan.Sites;

/// <summary>Every public path Bayan links to, built in one place so links and routes agree.</summary>
public static class SiteUrls
{
    public static string Home(string lang) => $"/{lang}/";
    public static string Office(string lang, string office) => $"/{lang}/{Escape(office)}/";
    public static string Release(string lang, string office, int id, string slug) => $"/{lang}/{Escape(office)}/{id}/{Escape(slug)}";
    public static string Category(string lang, string slug) => $"/{lang}/category/{Escape(slug)}/";
    public static string Tag(string lang, string slug) => $"/{lang}/tag/{Escape(slug)}/";
    public static string Page(string lang, string slug) => $"/{lang}/pages/{Escape(slug)}";

    /// <summary>"/en/search", or with the given parameters in order: "/en/search?q=health&amp;office=central".</summary>
    public static string Search(string lang, params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? $"/{lang}/search" : $"/{lang}/search?{string.Join('&', given)}";
    }

    public static string Archive(string lang) => $"/{lang}/archive/";
    public static string OfficeArchive(string lang, string office) => $"/{lang}/{Escape(office)}/archive/";

    /// <summary>A month under an archive: ".../2024/11/" (Gregorian) or ".../hijri/1446/05/".</summary>
    public static string ArchiveMonth(string archive, Bayan.Calendars.CalendarKind calendar, int year, int month) =>
        calendar == Bayan.Calendars.CalendarKind.Gregorian ? $"{archive}{year:0000}/{month:00}/" : $"{archive}hijri/{year:0000}/{month:00}/";

    /// <summary>A listing's feed: the site's "/{lang}/feed.atom", an office's or a category's under its own address.</summary>
    public static string Feed(string listing, FeedFormat format) => $"{listing}feed.{format.Extension()}";

    public const string Robots = "/robots.txt";
    public const string SitemapIndex = "/sitemap.xml";
    public const string NewsSitemap = "/sitemap-news.xml";

    /// <summary>A language's sitemap; a large site's releases continue on "?page=2" and on.</summary>
    public static string Sitemap(string lang, int page = 1) => WithPage($"/sitemap-{lang}.xml", page);

    public static string WithPage(string path, int page) => page <= 1 ? path : $"{path}{(path.Contains('?') ? '&' : '?')}page={page}";

    /// <param name="origin">What absolute links begin with: "https://news.example.org" (<see cref="Data.BayanOptions.PublicOrigin"/>, else a request's own).</param>
    public static string Absolute(string origin, string path) => origin + path;

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
