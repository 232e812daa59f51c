using Bayan.Media;
using Bayan.Operations;
using Bayan.Sites;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages.Media;

/// <summary>
/// /admin/media/{id}: one item of the media library with its alternative text and caption in each
/// language of the site; editors and administrators. Each language is a form of its own, saved by the
/// same operation as the API's (<see cref="DescribeMedia"/>), so a refused text in one language never
/// holds back or half-saves another.
/// </summary>
public sealed class DescribeModel(MediaQueries media, SiteQueries sites, CurrentActor current, DescribeMedia describe) : PageModel
{
    public MediaItem Item { get; private set; } = null!;
    public IReadOnlyList<string> SiteLanguages { get; private set; } = [];

    /// <summary>The language just saved, for its notice (?saved=ar).</summary>
    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }

    /// <summary>The language whose form was refused, with what was sent, so the editor corrects rather than retypes it.</summary>
    public (string Language, string AltText, string Caption)? Refused { get; private set; }

    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, string? language, string? altText, string? caption, CancellationToken ct)
    {
        var outcome = await describe.RunAsync(await current.GetAsync(ct), id, language ?? "", altText, caption, ct);
        switch (outcome)
        {
            case Outcome.Done:
                return Redirect($"/admin/media/{id}?saved={Uri.EscapeDataString(language ?? "")}#describe-{Uri.EscapeDataString(language ?? "")}");
            case Outcome.Invalid invalid:
                if (await LoadAsync(id, ct) is { } refusal)
                    return refusal;
                Refused = (language ?? "", altText ?? "", caption ?? "");
                Errors = invalid.Errors;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            case Outcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    /// <summary>What the form of <paramref name="language"/> shows: what was just refused there, else what is kept.</summary>
    public (string AltText, string Caption) TextIn(string language)
    {
        if (Refused is { } refused && refused.Language == language)
            return (refused.AltText, refused.Caption);
        var kept = Item.Texts.FirstOrDefault(t => t.Language == language);
        return (kept?.AltText ?? "", kept?.Caption ?? "");
    }

    /// <summary>The refusal of one field of <paramref name="language"/>'s form, if that form was refused.</summary>
    public Problem? ErrorIn(string language, string field) =>
        Refused?.Language == language && Errors.TryGetValue(field, out var problem) ? problem : null;

    /// <summary>Loads the item and the site's languages; an answer instead when the actor may not or the item does not exist.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsEditor)
            return Forbid();
        if (await media.ItemAsync(actor, id, ct) is not { } item)
            return NotFound();
        Item = item;
        SiteLanguages = await sites.LanguageCodesAsync(ct);
        return null;
    }
}
