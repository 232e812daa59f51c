using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Bayan.Feeds;
using Bayan.Releases;
using Bayan.Sites;

namespace Bayan.Web.PublicSite;

/// <summary>A meta tag of the page's head: og:title, twitter:card and the like.</summary>
public sealed record MetaTag(string Key, string Value);

/// <summary>
/// What a release page tells link previews and search engines about itself: OpenGraph properties,
/// Twitter card names and a schema.org NewsArticle in JSON-LD.
/// </summary>
/// <param name="Address">The page's address as a reader writes it (Arabic slugs unescaped), for the printed page.</param>
public sealed record ReleaseMetadata(IReadOnlyList<MetaTag> Properties, IReadOnlyList<MetaTag> Names, string JsonLd, string Address)
{
    // Inside <script> only "</script" could end the block early: "<" (with ">" and "&") leaves as \u003C,
    // while Arabic, Cyrillic and the rest stay readable.
    private static readonly JsonSerializerOptions ScriptSafe = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <param name="versions">The release's versions the site shows, this one included.</param>
    /// <param name="origin">What absolute links begin with: "https://news.example.org".</param>
    public static ReleaseMetadata For(
        Release release, ReleaseVersion version, IReadOnlyList<ReleaseVersion> versions, SiteSnapshot site, string origin)
    {
        var lang = version.Language;
        string UrlOf(ReleaseVersion v) => SiteUrls.Absolute(origin, ReleasePage.UrlOf(release, v));
        var url = UrlOf(version);
        var siteName = site.In(lang).SiteName;
        var officeName = release.Office.NameIn(lang);
        var image = release.FeaturedImage is { } featured ? FeedEndpoints.AbsoluteMedia(origin, featured) : null;
        var published = FeedText.Rfc3339(release.PublishAt ?? release.CreatedAt);
        var modified = FeedText.Rfc3339(Modified(release, version));
        var description = version.Summary.Length > 0 ? version.Summary : null;
        var categories = release.Categories.OrderBy(c => c.Position).ThenBy(c => c.Id).Select(c => c.NameIn(lang)?.Name).OfType<string>().ToList();
        var original = versions.FirstOrDefault(v => v.IsOriginal);

        List<MetaTag> properties =
        [
            new("og:type", "article"),
            new("og:title", version.Title),
            new("og:url", url),
            new("og:site_name", siteName),
            new("og:locale", Locale(lang)),
            .. versions.Where(v => v != version).Select(v => new MetaTag("og:locale:alternate", Locale(v.Language))),
        ];
        if (description is not null)
            properties.Add(new("og:description", description));
        if (image is not null)
            properties.Add(new("og:image", image));
        properties.Add(new("article:published_time", published));
        properties.Add(new("article:modified_time", modified));
        properties.AddRange(categories.Select(c => new MetaTag("article:section", c)));
        var tags = release.Tags.Select(t => t.NameIn(version.Language)?.Name).OfType<string>().ToList();
        properties.AddRange(tags.Select(t => new MetaTag("article:tag", t)));

        List<MetaTag> names = [new("twitter:card", image is null ? "summary" : "summary_large_image"), new("twitter:title", version.Title)];
        if (description is not null)
            names.Add(new("twitter:description", description));
        if (image is not null)
            names.Add(new("twitter:image", image));

        var article = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["@id"] = url,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["headline"] = version.Title,
            ["inLanguage"] = lang,
            ["datePublished"] = published,
            ["dateModified"] = modified,
            ["author"] = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = officeName,
                ["url"] = SiteUrls.Absolute(origin, SiteUrls.Office(lang, release.Office.Code)),
            },
            ["publisher"] = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = siteName,
                ["url"] = SiteUrls.Absolute(origin, SiteUrls.Home(lang)),
            },
        };
        if (description is not null)
            article["description"] = description;
        if (image is not null)
            article["image"] = new JsonArray(image);
        if (release.ReferenceNumber is { } number)
            article["identifier"] = number;
        if (categories.Count > 0)
            article["articleSection"] = new JsonArray([.. categories.Select(c => (JsonNode)c)]);
        if (tags.Count > 0)
            article["keywords"] = string.Join(", ", tags);
        if (!version.IsOriginal && original is not null)
            article["translationOfWork"] = new JsonObject { ["@id"] = UrlOf(original) };
        var translations = versions.Where(v => !v.IsOriginal).ToList();
        if (version.IsOriginal && translations.Count > 0)
            article["workTranslation"] = new JsonArray([.. translations.Select(t => (JsonNode)new JsonObject { ["@id"] = UrlOf(t) })]);

        return new ReleaseMetadata(properties, names, article.ToJsonString(ScriptSafe), Uri.UnescapeDataString(url));
    }

    /// <summary>When the text last changed in a way a reader would care about: publication, an edit of this version, a correction.</summary>
    public static DateTime Modified(Release release, ReleaseVersion version)
    {
        var published = release.PublishAt ?? release.CreatedAt;
        var modified = version.UpdatedAt > published ? version.UpdatedAt : published;
        return release.CorrectedAt is { } corrected && corrected > modified ? corrected : modified;
    }

    /// <summary>OpenGraph names a locale as language_TERRITORY; each language gets the territory its readers use most.</summary>
    public static string Locale(string lang) => lang switch
    {
        "ar" => "ar_AR",
        "en" => "en_US",
        "ur" => "ur_PK",
        "tr" => "tr_TR",
        "ru" => "ru_RU",
        "uz" => "uz_UZ",
        "fa" => "fa_IR",
        "he" => "he_IL",
        "fr" => "fr_FR",
        _ => lang,
    };
}
