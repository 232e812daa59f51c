namespace Bayan.Sites;

/// <summary>An enabled language of the site, with the site's name in that language.</summary>
public sealed class SiteLanguage
{
    public required string Code { get; set; }
    public int Position { get; set; }
    public required string SiteName { get; set; }
    public string Tagline { get; set; } = "";

    /// <summary>The name of the site's clock in this language, e.g. "Makkah time", "بتوقيت مكة المكرمة".</summary>
    public string ClockName { get; set; } = "";
}
