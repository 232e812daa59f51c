using Bayan.Redirects;
using Bayan.Sites;
using Bayan.Web.Admin;
using Bayan.Web.Areas.Admin.Pages.Manage;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Areas.Admin.Pages.Redirects;

/// <summary>/admin/redirects: old addresses and where they lead, made by hand or by an import; add, remove, mark gone.</summary>
public sealed class IndexModel(SiteQueries sites, CurrentActor current, RedirectList list, ManageRedirects manage) : ManagePage(sites, current)
{
    private const int PageSize = 50;
    public static readonly string[] Sources = [RedirectList.Manual, OldShapes.WordPress, OldShapes.K2];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public bool Gone { get; set; }

    public RedirectPage Redirects { get; private set; } = new([], 0, 1, PageSize);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        ActAsync(actor => manage.AddAsync(actor, new RedirectForm(From, To, Gone), ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct) =>
        ActAsync(actor => manage.RemoveAsync(actor, id, ct), ct);

    public Task<IActionResult> OnPostImportedAsync(int id, ImportedRedirect state, CancellationToken ct) =>
        ActAsync(actor => manage.SetImportedAsync(actor, id, state, ct), ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Source = Sources.Contains(Source) ? Source : null;
        P = Math.Clamp(P, 1, 100_000);
        Redirects = await list.ListAsync(Q, Source, P, PageSize, ct);
    }

    public string PageUrl(int page) =>
        $"/admin/redirects?q={Uri.EscapeDataString(Q ?? "")}&source={Uri.EscapeDataString(Source ?? "")}&p={page}";
}
