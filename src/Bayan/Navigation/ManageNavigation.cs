using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Navigation;

/// <summary>The main menu and the sidebar link lists of each language; administrators only.</summary>
public sealed class ManageNavigation(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    public async Task<Outcome> AddMenuItemAsync(Actor actor, string language, string label, string url, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var errors = new Dictionary<string, Problem>();
        LinkRules.Check(label, url, errors);
        if (!await db.SiteLanguages.AnyAsync(l => l.Code == language, ct))
            errors["language"] = new Problem("edit_language_unknown", language);
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);
        var position = await db.MenuItems.Where(m => m.Language == language).CountAsync(ct);
        db.MenuItems.Add(new MenuItem { Language = language, Label = label.Trim(), Url = url.Trim(), Position = position });
        return await SaveAsync(actor, "menu.item-added", $"menu:{language}", $"{label.Trim()} -> {url.Trim()}", ct);
    }

    public async Task<Outcome> RemoveMenuItemAsync(Actor actor, int id, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var item = await db.MenuItems.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
            return new Outcome.NotFound();
        db.MenuItems.Remove(item);
        return await SaveAsync(actor, "menu.item-removed", $"menu:{item.Language}", item.Label, ct);
    }

    /// <summary>Moves an item one place up (toward the start of the menu) by swapping it with its neighbour.</summary>
    public async Task<Outcome> MoveMenuItemUpAsync(Actor actor, int id, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var item = await db.MenuItems.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
            return new Outcome.NotFound();
        var items = await db.MenuItems.Where(m => m.Language == item.Language).OrderBy(m => m.Position).ThenBy(m => m.Id).ToListAsync(ct);
        var index = items.IndexOf(items.Single(m => m.Id == id));
        if (index > 0)
            (items[index - 1], items[index]) = (items[index], items[index - 1]);
        for (var i = 0; i < items.Count; i++)
            items[i].Position = i;
        return await SaveAsync(actor, "menu.item-moved", $"menu:{item.Language}", item.Label, ct);
    }

    public async Task<Outcome> AddLinkAsync(Actor actor, string language, string listTitle, string label, string url, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var errors = new Dictionary<string, Problem>();
        LinkRules.Check(label, url, errors);
        var title = listTitle?.Trim() ?? "";
        if (title.Length is 0 or > Limits.Title || title.Contains('<'))
            errors["list"] = new Problem("manage_label_invalid", Limits.Title);
        if (!await db.SiteLanguages.AnyAsync(l => l.Code == language, ct))
            errors["language"] = new Problem("edit_language_unknown", language);
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);
        var list = await db.LinkLists.Include(l => l.Items).FirstOrDefaultAsync(l => l.Language == language && l.Title == title, ct);
        if (list is null)
        {
            list = new LinkList { Language = language, Title = title, Position = await db.LinkLists.CountAsync(l => l.Language == language, ct) };
            db.LinkLists.Add(list);
        }
        list.Items.Add(new LinkListItem { Label = label.Trim(), Url = url.Trim(), Position = list.Items.Count });
        return await SaveAsync(actor, "link-list.link-added", $"link-list:{language}:{title}", $"{label.Trim()} -> {url.Trim()}", ct);
    }

    /// <summary>Removes a link; a list left empty goes with it.</summary>
    public async Task<Outcome> RemoveLinkAsync(Actor actor, int itemId, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var list = await db.LinkLists.Include(l => l.Items).FirstOrDefaultAsync(l => l.Items.Any(i => i.Id == itemId), ct);
        if (list is null)
            return new Outcome.NotFound();
        var item = list.Items.Single(i => i.Id == itemId);
        list.Items.Remove(item);
        if (list.Items.Count == 0)
            db.LinkLists.Remove(list);
        return await SaveAsync(actor, "link-list.link-removed", $"link-list:{list.Language}:{list.Title}", item.Label, ct);
    }

    private async Task<Outcome> SaveAsync(Actor actor, string action, string subject, string details, CancellationToken ct)
    {
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, action, subject, details);
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything(subject));
        return new Outcome.Done(0, new Problem("manage_saved"));
    }
}
