using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Localization;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Sites;

/// <summary>The site's name and tagline per language, its languages in order, its default and its page size.</summary>
public sealed record SiteSettingsForm(
    IReadOnlyList<string> Languages,
    string DefaultLanguage,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, string> Taglines,
    int PageSize,
    bool PublishCommentsAtOnce = false,
    int CommentsOpenDays = 30);

/// <summary>
/// Changes the site's languages and names; administrators only. A language taken away keeps its
/// content, which simply stops being shown until the language is enabled again.
/// </summary>
public sealed class UpdateSiteSettings(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    public async Task<Outcome> RunAsync(Actor actor, SiteSettingsForm form, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Id == Site.SingletonId, ct);
        if (site is null)
            return new Outcome.NotFound();

        var errors = new Dictionary<string, Problem>();
        var languages = (form.Languages ?? []).Distinct().ToList();
        if (languages.Count == 0 || languages.Any(l => Localization.Languages.Find(l) is null))
            errors["languages"] = new Problem("setup_languages_required");
        if (!languages.Contains(form.DefaultLanguage ?? ""))
            errors["default_language"] = new Problem("setup_default_language_invalid");
        foreach (var code in languages)
        {
            var name = form.Names?.GetValueOrDefault(code)?.Trim() ?? "";
            if (name.Length is 0 or > Limits.Title || name.Contains('<'))
                errors[$"name_{code}"] = new Problem("setup_site_name_required", Limits.Title);
            var tagline = form.Taglines?.GetValueOrDefault(code)?.Trim() ?? "";
            if (tagline.Length > Limits.Title || tagline.Contains('<'))
                errors[$"tagline_{code}"] = new Problem("edit_too_long", Limits.Title);
        }
        if (form.CommentsOpenDays is < 0 or > 3650)
            errors["comments_open_days"] = new Problem("settings_comment_days", 0, 3650);
        if (form.PageSize is < 5 or > 100)
            errors["page_size"] = new Problem("settings_page_size", 5, 100);
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);

        var existing = await db.SiteLanguages.ToListAsync(ct);
        db.SiteLanguages.RemoveRange(existing.Where(l => !languages.Contains(l.Code)));
        for (var i = 0; i < languages.Count; i++)
        {
            var code = languages[i];
            var row = existing.FirstOrDefault(l => l.Code == code);
            if (row is null)
            {
                row = new SiteLanguage { Code = code, SiteName = "" };
                db.SiteLanguages.Add(row);
            }
            row.Position = i;
            row.SiteName = form.Names![code].Trim();
            row.Tagline = form.Taglines?.GetValueOrDefault(code)?.Trim() ?? "";
        }
        var now = clock.GetUtcNow().UtcDateTime;
        site.DefaultLanguage = form.DefaultLanguage!;
        site.PageSize = form.PageSize;
        site.PublishCommentsAtOnce = form.PublishCommentsAtOnce;
        site.CommentsOpenDays = form.CommentsOpenDays;
        site.UpdatedAt = now;
        AuditLog.Record(db, now, actor.Name, "site.settings-changed", "site",
            $"languages {string.Join(",", languages)}; default {site.DefaultLanguage}; page size {site.PageSize}; " +
            $"comments {(site.PublishCommentsAtOnce ? "at once" : "moderated")}, open {site.CommentsOpenDays} days");
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything("site settings"));
        return new Outcome.Done(0, new Problem("settings_saved"));
    }
}
