using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Navigation;

/// <summary>The menus and link lists as the back office manages them (public pages read them from the site snapshot).</summary>
public sealed class NavigationQueries(BayanDb db)
{
    /// <summary>Every language's main menu, by language, then position.</summary>
    public Task<List<MenuItem>> MenuAsync(CancellationToken ct) =>
        db.MenuItems.AsNoTracking().OrderBy(m => m.Language).ThenBy(m => m.Position).ToListAsync(ct);

    /// <summary>Every language's link lists with their links, by language, then position.</summary>
    public Task<List<LinkList>> LinkListsAsync(CancellationToken ct) =>
        db.LinkLists.AsNoTracking().Include(l => l.Items).OrderBy(l => l.Language).ThenBy(l => l.Position).ToListAsync(ct);
}
