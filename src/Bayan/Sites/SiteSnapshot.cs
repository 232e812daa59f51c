using Bayan.Categories;
using Bayan.Dates;
using Bayan.Navigation;
using Bayan.Offices;
using Microsoft.Net.Http.Headers;

namespace Bayan.Sites;

/// <summary>
/// Everything every public page shows around its content: the site's settings and languages, its
/// offices, categories, menus and link lists. One immutable copy serves every request until a
/// change is saved (see <see cref="SiteSnapshots"/>), so a page asks the database only for its own content.
/// </summary>
public sealed class SiteSnapshot
{
    private readonly Dictionary<int, Office> officesById;
    private readonly Dictionary<string, Office> officesByCode;
    private readonly Dictionary<int, Category> categories;
    private readonly Dictionary<string, SiteNavigation> navigation;
    private readonly IReadOnlyList<MenuItem> menu;
    private readonly IReadOnlyList<LinkList> linkLists;

    public SiteSnapshot(
        Site site, IReadOnlyList<SiteLanguage> languages, TimeZoneInfo zone, IReadOnlyList<Office> offices,
        IReadOnlyList<Category> categories, IReadOnlyList<MenuItem> menu, IReadOnlyList<LinkList> linkLists)
    {
        Site = site;
        Languages = languages;
        Zone = zone;
        Dates = new SiteDates(site, zone);
        Times = new ZonedTimes(site, languages, zone);
        Offices = offices;
        officesById = offices.ToDictionary(o => o.Id);
        officesByCode = offices.ToDictionary(o => o.Code, StringComparer.Ordinal);
        this.categories = categories.ToDictionary(c => c.Id);
        this.menu = menu;
        this.linkLists = linkLists;
        navigation = languages.ToDictionary(l => l.Code, l => BuildNavigation(l.Code));
    }

    public Site Site { get; }
    public IReadOnlyList<SiteLanguage> Languages { get; }
    public TimeZoneInfo Zone { get; }
    public SiteDates Dates { get; }

    /// <summary>Embargo and publication times: hour, zone and day.</summary>
    public ZonedTimes Times { get; }

    /// <summary>In the site's order: by position, then code.</summary>
    public IReadOnlyList<Office> Offices { get; }

    public bool IsEnabled(string? language) => language is not null && navigation.ContainsKey(language);

    public SiteLanguage In(string language) =>
        Languages.FirstOrDefault(l => l.Code == language) ?? Languages[0];

    /// <summary>The position of a language in the site's order, for sorting a release's versions.</summary>
    public int PositionOf(string language)
    {
        for (var i = 0; i < Languages.Count; i++)
        {
            if (Languages[i].Code == language)
                return i;
        }
        return int.MaxValue;
    }

    /// <summary>Office codes are case-sensitive, as in the database: /en/Office/ is not /en/office/.</summary>
    public Office? OfficeWithCode(string code) => officesByCode.GetValueOrDefault(code);

    /// <summary>
    /// Every release belongs to an office, and a new office is announced before any release can use
    /// it; only a snapshot taken in between could miss one.
    /// </summary>
    public Office OfficeWithId(int id) =>
        officesById.GetValueOrDefault(id) ?? throw new InvalidOperationException($"Office {id} is not in the site snapshot.");

    /// <summary>With its names in every language.</summary>
    public Category? CategoryWithId(int id) => categories.GetValueOrDefault(id);

    /// <summary>Top-level categories named in this language, in the site's order.</summary>
    public IEnumerable<(Category Category, CategoryName Name)> TopCategoriesIn(string language) =>
        CategoriesIn(language).Where(c => c.Category.ParentId is null);

    public IEnumerable<int> ChildrenOf(int category) => categories.Values.Where(c => c.ParentId == category).Select(c => c.Id);

    /// <summary>A category and its subcategories: what its page, its feeds and its home block list.</summary>
    public int[] WithChildren(int category) => [category, .. ChildrenOf(category)];

    /// <summary>The category whose slug in this language is <paramref name="slug"/>, if any.</summary>
    public (Category Category, CategoryName Name)? CategoryWithSlug(string language, string slug) =>
        categories.Values.Select(c => (Category: c, Name: c.NameIn(language)))
            .Where(c => c.Name?.Slug == slug)
            .Select(c => ((Category, CategoryName)?)(c.Category, c.Name!))
            .FirstOrDefault();

    public SiteNavigation NavigationIn(string language) =>
        navigation.TryGetValue(language, out var built) ? built : BuildNavigation(language);

    /// <summary>The reader's first acceptable language that the site has, else the site's default.</summary>
    public string BestLanguageFor(IEnumerable<StringWithQualityHeaderValue> accepted)
    {
        foreach (var choice in accepted.OrderByDescending(a => a.Quality ?? 1))
        {
            var tag = choice.Value.Value?.ToLowerInvariant() ?? "";
            var primary = tag.Split('-')[0];
            if (IsEnabled(tag))
                return tag;
            if (IsEnabled(primary))
                return primary;
        }
        return Site.DefaultLanguage;
    }

    /// <summary>The categories named in this language, in the site's order (by position, then name).</summary>
    public IEnumerable<(Category Category, CategoryName Name)> CategoriesIn(string language) =>
        categories.Values
            .Select(c => (Category: c, Name: c.NameIn(language)))
            .Where(c => c.Name is not null)
            .Select(c => (c.Category, Name: c.Name!))
            .OrderBy(c => c.Category.Position).ThenBy(c => c.Name.Name, StringComparer.Ordinal);

    private SiteNavigation BuildNavigation(string lang)
    {
        var named = CategoriesIn(lang).ToList();
        CategoryLink ToLink(Category category, CategoryName name) => new(
            name.Name,
            SiteUrls.Category(lang, name.Slug),
            [.. named.Where(c => c.Category.ParentId == category.Id).Select(c => ToLink(c.Category, c.Name))]);

        return new SiteNavigation(
            [.. menu.Where(m => m.Language == lang).OrderBy(m => m.Position).Select(m => new Link(m.Label, m.Url))],
            [.. linkLists.Where(l => l.Language == lang).OrderBy(l => l.Position)
                .Select(l => new LinkGroup(l.Title, [.. l.Items.OrderBy(i => i.Position).Select(i => new Link(i.Label, i.Url))]))],
            [.. named.Where(c => c.Category.ParentId is null).Select(c => ToLink(c.Category, c.Name))],
            [.. Offices.Select(o => new Link(o.NameIn(lang), SiteUrls.Office(lang, o.Code)))]);
    }
}

/// <summary>The site snapshot as one request sees it: null until the site has been set up.</summary>
public sealed class SiteReader(SiteSnapshots snapshots)
{
    public Task<SiteSnapshot?> LoadAsync(CancellationToken ct) => snapshots.CurrentAsync(ct);
}
