using Bayan.Sites;
using Bayan.Pages;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Areas.Admin.Pages.Manage;

/// <summary>/admin/pages: static pages per language (About, Contact); pages with one key are translations of each other.</summary>
public sealed class StaticPagesModel(SiteQueries sites, PageQueries pages, CurrentActor current, ManagePages manage) : ManagePage(sites, current)
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string Key { get; set; } = "";
    [BindProperty] public string Language { get; set; } = "";
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string Body { get; set; } = "";

    public IReadOnlyList<StaticPage> All { get; private set; } = [];

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        ActAsync(actor => manage.SaveAsync(actor, new PageForm(Id, Key, Language, Title ?? "", Slug, Body ?? ""), ct), ct);

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) =>
        ActAsync(actor => manage.DeleteAsync(actor, Id ?? 0, ct), ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        All = await pages.AllAsync(ct);
        if (HttpMethods.IsGet(Request.Method) && Id is { } id && All.FirstOrDefault(p => p.Id == id) is { } page)
            (Key, Language, Title, Slug, Body) = (page.Key, page.Language, page.Title, page.Slug, page.Body);
        if (Language.Length == 0)
            Language = SiteLanguages.FirstOrDefault() ?? "";
        if (HttpMethods.IsGet(Request.Method) && Request.Query["key"] is { Count: 1 } key && Id is null)
            Key = key[0] ?? "";
    }
}
