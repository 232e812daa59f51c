namespace Bayan.Navigation;

public sealed record Link(string Label, string Url);
public sealed record LinkGroup(string Title, IReadOnlyList<Link> Links);
public sealed record CategoryLink(string Name, string Url, IReadOnlyList<CategoryLink> Children);

/// <summary>What every page of one language shows around its content: menu, link lists, categories, offices (see <see cref="Sites.SiteSnapshot"/>).</summary>
public sealed record SiteNavigation(
    IReadOnlyList<Link> Menu,
    IReadOnlyList<LinkGroup> LinkLists,
    IReadOnlyList<CategoryLink> Categories,
    IReadOnlyList<Link> Offices);
