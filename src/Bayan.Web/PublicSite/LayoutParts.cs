using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Bayan.Themes;
using Bayan.Sites;

namespace Bayan.Web.PublicSite;

/// <summary>
/// The parts of the layout that are the same on every page of one language, the main menu
/// (<c>menu.liquid</c>) and the sidebar (<c>sidebar.liquid</c>: offices, archive, categories, link
/// lists), rendered once per site snapshot, language and theme version and handed to the layout as
/// ready HTML, instead of on every page. A saved change of the site makes a new snapshot, and an
/// edit of a theme file a new theme version, so either shows on the very next page.
/// </summary>
/// <remarks>They see only what is the same on every page of the language (<see cref="PageRenderer.SiteValues"/>), never the page's own values.</remarks>
public sealed class LayoutParts(ThemeEngine theme)
{
    // Held no longer than its snapshot: a replaced snapshot takes its parts with it.
    private readonly ConditionalWeakTable<SiteSnapshot, ConcurrentDictionary<string, Parts>> made = new();

    public sealed record Parts(long ThemeVersion, string Menu, string Sidebar);

    public async ValueTask<Parts> GetAsync(SiteSnapshot site, string lang)
    {
        var inLanguages = made.GetValue(site, _ => new ConcurrentDictionary<string, Parts>(StringComparer.Ordinal));
        // Read before rendering: a theme edit landing while they render makes the next page render them again.
        var version = theme.Version;
        if (inLanguages.TryGetValue(lang, out var kept) && kept.ThemeVersion == version)
            return kept;
        var values = PageRenderer.SiteValues(site, lang);
        var parts = new Parts(version, await theme.RenderAsync("menu", values), await theme.RenderAsync("sidebar", values));
        inLanguages[lang] = parts;
        return parts;
    }
}
