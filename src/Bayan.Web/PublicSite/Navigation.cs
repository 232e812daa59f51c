using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.PublicSite;

public sealed record Link(string Label, string Url);
public sealed record LinkGroup(string Title, IReadOnlyList<Link> Links);
public sealed record CategoryLink(string Name, string Url, IReadOnlyList<CategoryLink> Children);

/// <summary>What every page of one language shows around its content: menu, link lists, categories, offices.</summary>
public sealed record Navigation(
    IReadOnlyList<Link> Menu,
    IReadOnlyList<LinkGroup> LinkLists,
    IReadOnlyList<CategoryLink> Categories,
    IReadOnlyList<Link> Offices);

public sealed class NavigationReader(BayanDb db)
{
    public async Task<Navigation> ReadAsync(string lang, CancellationToken ct)
    {
        var menu = await db.MenuItems.AsNoTracking()
            .Where(m => m.Language == lang).OrderBy(m => m.Position)
            .Select(m => new Link(m.Label, m.Url)).ToListAsync(ct);

        var lists = await db.LinkLists.AsNoTracking().Include(l => l.Items)
            .Where(l => l.Language == lang).OrderBy(l => l.Position).ToListAsync(ct);

        var names = await db.CategoryNames.AsNoTracking()
            .Where(n => n.Language == lang)
            .Join(db.Categories, n => n.CategoryId, c => c.Id, (n, c) => new { c.Id, c.ParentId, c.Position, n.Name, n.Slug })
            .OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);

        var offices = await db.Offices.AsNoTracking().Include(o => o.Names)
            .OrderBy(o => o.Position).ThenBy(o => o.Code).ToListAsync(ct);

        CategoryLink ToLink(int? id, string name, string slug) => new(
            name,
            SiteUrls.Category(lang, slug),
            [.. names.Where(c => c.ParentId == id).Select(c => ToLink(c.Id, c.Name, c.Slug))]);

        return new Navigation(
            menu,
            [.. lists.Select(l => new LinkGroup(l.Title, [.. l.Items.OrderBy(i => i.Position).Select(i => new Link(i.Label, i.Url))]))],
            [.. names.Where(c => c.ParentId is null).Select(c => ToLink(c.Id, c.Name, c.Slug))],
            [.. offices.Select(o => new Link(o.NameIn(lang), SiteUrls.Office(lang, o.Code)))]);
    }
}
