using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Media;

/// <summary>
/// Sets a media item's alternative text and caption in one language; both empty removes them.
/// Those who may upload may describe: editors and administrators.
/// </summary>
public sealed class DescribeMedia(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    public async Task<Outcome> RunAsync(Actor actor, Guid mediaId, string language, string? altText, string? caption, CancellationToken ct)
    {
        language ??= "";
        if (!actor.IsEditor)
            return new Outcome.Forbidden();
        var item = await db.Media.Include(m => m.Texts).FirstOrDefaultAsync(m => m.Id == mediaId, ct);
        if (item is null)
            return new Outcome.NotFound();
        var errors = new Dictionary<string, Problem>();
        var alt = altText?.Trim() ?? "";
        var text = caption?.Trim() ?? "";
        if (!await db.SiteLanguages.AnyAsync(l => l.Code == language, ct))
            errors["language"] = new Problem("edit_language_unknown", language);
        if (alt.Length > Limits.Title || alt.Contains('<'))
            errors["altText"] = new Problem("media_alt_invalid", Limits.Title);
        if (text.Length > Limits.Summary || text.Contains('<'))
            errors["caption"] = new Problem("media_caption_invalid", Limits.Summary);
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);

        var existing = item.Texts.FirstOrDefault(t => t.Language == language);
        if (alt.Length == 0 && text.Length == 0)
        {
            if (existing is not null)
                item.Texts.Remove(existing);
        }
        else if (existing is null)
            item.Texts.Add(new MediaText { MediaId = mediaId, Language = language, AltText = alt, Caption = text });
        else
            (existing.AltText, existing.Caption) = (alt, text);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "media.described", $"media:{mediaId}", $"{language}: {alt} | {text}");
        await db.SaveChangesAsync(ct);
        // The item's text belongs to the releases that show it (featured or attached): only their kept pages are dropped.
        var addresses = MediaRenditions.Of(item).Select(r => r.Url).Append(item.Url).ToList();
        var showing = await db.Releases
            .Where(r => r.Attachments.Any(a => a.MediaId == mediaId) || (r.FeaturedImage != null && addresses.Contains(r.FeaturedImage)))
            .Select(r => r.Id).ToListAsync(ct);
        foreach (var releaseId in showing)
            await changes.SavedAsync(new ContentChange.Release(releaseId));
        return new Outcome.Done(0, new Problem("media_described"));
    }
}
