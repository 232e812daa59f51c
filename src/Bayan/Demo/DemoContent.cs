namespace Bayan.Demo;

// The shape of demo-content.json: neutral, invented newsroom content in Arabic, English and Turkish.

internal sealed record DemoContent(
    DemoSiteSettings Site,
    List<DemoOffice> Offices,
    List<DemoCategory> Categories,
    List<DemoTag> Tags,
    List<DemoPage> Pages,
    Dictionary<string, List<DemoLink>> Menu,
    Dictionary<string, List<DemoLinkList>> LinkLists,
    List<DemoRelease> Releases);

internal sealed record DemoSiteSettings(string DefaultLanguage, string TimeZone, List<DemoSiteLanguage> Languages);
internal sealed record DemoSiteLanguage(string Code, string SiteName, string Tagline, string? ClockName);
internal sealed record DemoOffice(
    string Code, string DefaultLanguage, string TimeZone, string NumberingPattern, Dictionary<string, string> Names, DemoSignature? Signature);
internal sealed record DemoSignature(
    Dictionary<string, string> FullNames, Dictionary<string, string> Addresses, string? Website, string? Telephone, string? Email, List<string>? Social);
internal sealed record DemoCategory(string Key, Dictionary<string, DemoCategoryName> Names, List<DemoCategory>? Children);
internal sealed record DemoCategoryName(string Name, string Slug);
internal sealed record DemoTag(string Key, Dictionary<string, string> Names);
internal sealed record DemoPage(string Key, Dictionary<string, DemoPageVersion> Versions);
internal sealed record DemoPageVersion(string Slug, string Title, string Body);
internal sealed record DemoLink(string Label, string Url);
internal sealed record DemoLinkList(string Title, List<DemoLink> Links);
internal sealed record DemoRelease(
    string Office,
    string Type,
    string OriginalLanguage,
    int HoursAgo,
    List<string> Categories,
    List<string> Tags,
    Dictionary<string, DemoReleaseVersion> Versions);
internal sealed record DemoReleaseVersion(string Title, string Summary, string Body);
