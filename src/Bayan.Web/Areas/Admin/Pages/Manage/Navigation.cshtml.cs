using Bayan.Sites;
using Bayan.Navigation;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Areas.Admin.Pages.Manage;

/// <summary>/admin/navigation: the main menu and the sidebar link lists of each language.</summary>
public sealed class NavigationModel(SiteQueries sites, NavigationQueries navigation, CurrentActor current, ManageNavigation manage) : ManagePage(sites, current)
{
    public IReadOnlyList<MenuItem> Menu { get; private set; } = [];
    public IReadOnlyList<LinkList> Lists { get; private set; } = [];

    public Task<IActionResult> OnPostAddMenuItemAsync(string language, string label, string url, CancellationToken ct) =>
        ActAsync(actor => manage.AddMenuItemAsync(actor, language, label, url, ct), ct);

    public Task<IActionResult> OnPostRemoveMenuItemAsync(int id, CancellationToken ct) =>
        ActAsync(actor => manage.RemoveMenuItemAsync(actor, id, ct), ct);

    public Task<IActionResult> OnPostMoveUpAsync(int id, CancellationToken ct) =>
        ActAsync(actor => manage.MoveMenuItemUpAsync(actor, id, ct), ct);

    public Task<IActionResult> OnPostAddLinkAsync(string language, string list, string label, string url, CancellationToken ct) =>
        ActAsync(actor => manage.AddLinkAsync(actor, language, list, label, url, ct), ct);

    public Task<IActionResult> OnPostRemoveLinkAsync(int id, CancellationToken ct) =>
        ActAsync(actor => manage.RemoveLinkAsync(actor, id, ct), ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Menu = await navigation.MenuAsync(ct);
        Lists = await navigation.LinkListsAsync(ct);
    }
}
