using Bayan.Audit;
using Bayan.Calendars;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Sites;

/// <summary>A change to how the site dates things; what is null stays as it is.</summary>
public sealed record SiteDatesChange(
    string? HeaderDates = null,
    string? DatelineDates = null,
    string? ListingDates = null,
    bool? ExtendedDigits = null,
    string? TimeZone = null,
    IReadOnlyDictionary<string, string>? ClockNames = null,
    bool? NumbersInLanguageDigits = null);

/// <param name="Errors">Every problem in English, as the command line says it.</param>
/// <param name="Fields">The same problems by field (header_dates, time_zone, clock_name_en ...), in each reader's language.</param>
public sealed record SiteDatesOutcome(bool Changed, IReadOnlyList<string> Errors, IReadOnlyDictionary<string, Problem>? Fields = null);

/// <summary>
/// Changes the site's calendars, date styles, digits, zone and clock names. Every value is checked first;
/// one bad value changes nothing and every problem is named.
/// </summary>
public sealed class UpdateSiteDates(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    public async Task<SiteDatesOutcome> RunAsync(SiteDatesChange change, string actor, CancellationToken ct)
    {
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Id == Site.SingletonId, ct);
        if (site is null)
            return new(false, ["The site is not set up yet."]);
        var languages = await db.SiteLanguages.ToListAsync(ct);

        var errors = new List<string>();
        var fields = new Dictionary<string, Problem>();
        var calendars = string.Join(", ", CalendarKinds.ByName.Keys);
        void CheckDates(string field, string name, string? value)
        {
            if (value is null || CalendarDisplay.ParseList(value) is not null)
                return;
            errors.Add($"{name} '{value}' is not a list of calendar:style, e.g. \"hijri:long gregorian:short\" " +
                $"(calendars: {calendars}; styles: long, medium, short).");
            fields[field] = new Problem("settings_dates_invalid", value, calendars);
        }
        CheckDates("header_dates", "Header dates", change.HeaderDates);
        CheckDates("dateline_dates", "Dateline dates", change.DatelineDates);
        CheckDates("listing_dates", "Listing dates", change.ListingDates);
        if (change.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(change.TimeZone, out _))
        {
            errors.Add($"Time zone '{change.TimeZone}' is unknown; use an IANA name such as Asia/Riyadh.");
            fields["time_zone"] = new Problem("setup_time_zone_invalid", change.TimeZone);
        }
        foreach (var (code, name) in change.ClockNames ?? new Dictionary<string, string>())
        {
            if (languages.All(l => l.Code != code))
            {
                errors.Add($"The site has no language '{code}' to name its clock in.");
                fields[$"clock_name_{code}"] = new Problem("settings_clock_language", code);
            }
            else if (name.Length > Limits.Title)
            {
                errors.Add($"The clock name in '{code}' is longer than {Limits.Title} characters.");
                fields[$"clock_name_{code}"] = new Problem("edit_too_long", Limits.Title);
            }
        }
        if (errors.Count > 0)
            return new(false, errors, fields);

        var before = Describe(site, languages);
        site.HeaderDates = Normalised(change.HeaderDates) ?? site.HeaderDates;
        site.DatelineDates = Normalised(change.DatelineDates) ?? site.DatelineDates;
        site.ListingDates = Normalised(change.ListingDates) ?? site.ListingDates;
        site.ExtendedDigits = change.ExtendedDigits ?? site.ExtendedDigits;
        site.NumbersInLanguageDigits = change.NumbersInLanguageDigits ?? site.NumbersInLanguageDigits;
        site.TimeZone = change.TimeZone ?? site.TimeZone;
        foreach (var (code, name) in change.ClockNames ?? new Dictionary<string, string>())
            languages.Single(l => l.Code == code).ClockName = name.Trim();
        var after = Describe(site, languages);
        if (before == after)
            return new(false, []);

        var now = clock.GetUtcNow().UtcDateTime;
        site.UpdatedAt = now;
        AuditLog.Record(db, now, actor, "site.dates-changed", "site", $"{before} => {after}");
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything("site dates"));
        return new(true, []);
    }

    public static string Describe(Site site, IEnumerable<SiteLanguage> languages) =>
        $"header: {site.HeaderDates}; dateline: {site.DatelineDates}; listing: {site.ListingDates}; " +
        $"extended digits: {(site.ExtendedDigits ? "yes" : "no")}; " +
        $"reference number digits: {(site.NumbersInLanguageDigits ? "language" : "western")}; zone: {site.TimeZone}; clock: " +
        string.Join(", ", languages.OrderBy(l => l.Position).Select(l => $"{l.Code}=\"{l.ClockName}\""));

    private static string? Normalised(string? dates) =>
        dates is null ? null : CalendarDisplay.Format(CalendarDisplay.ParseList(dates)!);
}
