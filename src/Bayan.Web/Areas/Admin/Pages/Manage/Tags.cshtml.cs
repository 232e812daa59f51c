using Bayan.Sites;
using Bayan.Tags;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Areas.Admin.Pages.Manage;

/// <summary>/admin/tags: name each tag in every language, merge or delete the free tags editors typed.</summary>
public sealed class TagsModel(SiteQueries sites, TagQueries tagQueries, CurrentActor current, ManageTags manage) : ManagePage(sites, current)
{
    public IReadOnlyList<(Tag Tag, int Releases)> Tags { get; private set; } = [];

    public Task<IActionResult> OnPostNamesAsync(int id, Dictionary<string, string> names, CancellationToken ct) =>
        ActAsync(actor => manage.SaveNamesAsync(actor, id, names, ct), ct);

    public Task<IActionResult> OnPostMergeAsync(int id, int into, CancellationToken ct) =>
        ActAsync(actor => manage.MergeAsync(actor, id, into, ct), ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        ActAsync(actor => manage.DeleteAsync(actor, id, ct), ct);

    /// <summary>A tag in the back office's language, else by its first name.</summary>
    public string Label(Tag tag, string language) => tag.NameFor(language);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var tags = await tagQueries.AllWithUseAsync(ct);
        Tags = [.. tags.OrderBy(t => t.Tag.NameFor(SiteLanguages.FirstOrDefault() ?? ""), StringComparer.CurrentCulture)];
    }
}
