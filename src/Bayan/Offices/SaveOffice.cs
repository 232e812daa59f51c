using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Calendars;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Numbering;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Search;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Offices;

/// <summary>An office as the form sends it; <see cref="Id"/> null creates one. Without <see cref="Contact"/> the signature stays as it is.</summary>
public sealed record OfficeForm(
    int? Id,
    string Code,
    IReadOnlyDictionary<string, string> Names,
    string DefaultLanguage,
    string TimeZone,
    int HijriAdjustment,
    string NumberingPattern,
    OfficeContact? Contact = null,
    bool RequiresReview = false);

/// <summary>Creates or changes an office; administrators only, every value checked before anything is saved.</summary>
public sealed class SaveOffice(BayanDb db, TimeProvider clock, ISearchIndex search, IContentChanges changes)
{
    /// <summary>First path segments the site uses itself; an office code may not take them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "api", "archive", "category", "tag", "pages", "search", "embargo", "media", "theme", "health",
        "feed", "feed.atom", "feed.rss", "feed.json", "sitemap.xml", "sitemap-news.xml", "robots.txt",
    };

    public async Task<Outcome> RunAsync(Actor actor, OfficeForm form, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var office = form.Id is { } id ? await db.Offices.Include(o => o.Names).FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        if (form.Id is not null && office is null)
            return new Outcome.NotFound();

        var languages = await db.SiteLanguages.Select(l => l.Code).ToListAsync(ct);
        var errors = new Dictionary<string, Problem>();
        var code = form.Code?.Trim().ToLowerInvariant() ?? "";
        if (!Slug.IsWellFormed(code) || code.Length > 64 || Reserved.Contains(code) || int.TryParse(code, out _))
            errors["code"] = new Problem("office_code_invalid");
        else if (await db.Offices.AnyAsync(o => o.Code == code && o.Id != (form.Id ?? 0), ct))
            errors["code"] = new Problem("office_code_taken", code);
        else if (office is not null && office.Code != code
            && await db.Releases.AnyAsync(r => r.OfficeId == office.Id && r.Status == ReleaseStatus.Published, ct))
            errors["code"] = new Problem("office_code_published");
        var names = (form.Names ?? new Dictionary<string, string>())
            .Where(n => languages.Contains(n.Key) && !string.IsNullOrWhiteSpace(n.Value))
            .ToDictionary(n => n.Key, n => n.Value.Trim());
        if (!languages.Contains(form.DefaultLanguage))
            errors["default_language"] = new Problem("edit_language_unknown", form.DefaultLanguage ?? "");
        else if (!names.ContainsKey(form.DefaultLanguage))
            errors["names"] = new Problem("office_name_required");
        if (names.Values.Any(n => n.Length > Limits.Title || n.Contains('<')))
            errors["names"] = new Problem("office_name_invalid", Limits.Title);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(form.TimeZone ?? "", out _))
            errors["time_zone"] = new Problem("setup_time_zone_invalid", form.TimeZone ?? "");
        if (Math.Abs(form.HijriAdjustment) > HijriAdjustment.MaxShift)
            errors["hijri_adjustment"] = new Problem("office_shift_invalid", HijriAdjustment.MaxShift);
        if (NumberingPattern.TryParse(form.NumberingPattern, out var patternError) is null)
            errors["numbering_pattern"] = new Problem("office_pattern_invalid", patternError);
        form.Contact?.Check(names.Keys, errors);
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        if (office is null)
        {
            office = new Office { Code = code, DefaultLanguage = form.DefaultLanguage!, Position = await db.Offices.CountAsync(ct) };
            db.Offices.Add(office);
        }
        office.Code = code;
        office.DefaultLanguage = form.DefaultLanguage!;
        office.TimeZone = form.TimeZone!;
        office.HijriAdjustment = form.HijriAdjustment;
        office.NumberingPattern = form.NumberingPattern.Trim();
        office.RequiresReview = form.RequiresReview;
        // Releases are found by their office's name too: a renamed office is searchable by its new name.
        var renamed = form.Id is not null && !office.Names.ToDictionary(n => n.Language, n => n.Name).OrderBy(n => n.Key).SequenceEqual(names.OrderBy(n => n.Key));
        office.Names.RemoveAll(n => !names.ContainsKey(n.Language));
        foreach (var (language, name) in names)
        {
            if (office.Names.FirstOrDefault(n => n.Language == language) is { } existing)
                existing.Name = name;
            else
                office.Names.Add(new OfficeName { Language = language, Name = name });
        }
        form.Contact?.ApplyTo(office);
        AuditLog.Record(db, now, actor.Name, form.Id is null ? "office.created" : "office.changed", $"office:{code}",
            $"zone {office.TimeZone}; hijri shift {office.HijriAdjustment}; pattern {office.NumberingPattern}; review {office.RequiresReview}; names {string.Join(", ", names.Select(n => $"{n.Key}={n.Value}"))}");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (renamed)
            await search.UpdateOfficeAsync(office.Id, ct);
        await transaction.CommitAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything($"office {code}"));
        return new Outcome.Done(office.Id, new Problem("office_saved"));
    }
}
