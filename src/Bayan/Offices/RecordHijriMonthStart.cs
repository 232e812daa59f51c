using Bayan.Audit;
using Bayan.Calendars;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Localization;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Offices;

public sealed record MonthStartRequest(string OfficeCode, int Year, int Month, DateOnly? StartsOn, string Actor);

/// <summary>
/// The outcome: what is recorded now, or why nothing changed, as a message key of the offices
/// catalogue, so the back office says it in its reader's language and the command line in English.
/// Argument {0} is always the month, named in the reader's language.
/// </summary>
public sealed record MonthStartOutcome(bool Changed, string Key, params object[] Args)
{
    /// <summary>The Hijri year and month the message is about, once known.</summary>
    public (int Year, int Month)? About { get; init; }

    public string In(string language) =>
        Messages.Format(language, Key, [About is { } m ? $"{CalendarNames.Month(CalendarKind.UmmAlQura, m.Month, language)} {m.Year}" : "", .. Args]);

    /// <summary>In English, as the command line and the audit log speak.</summary>
    public string Message => In("en");
}

/// <summary>
/// Records (or, with no date, removes) the day a Hijri month began for an office that follows local
/// moon sighting. Every day of that month then follows it; the change is in the audit log.
/// </summary>
public sealed class RecordHijriMonthStart(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    /// <summary>Moon sighting moves a month's start by a day or two, never more.</summary>
    public const int MaxDaysFromComputed = 2;

    public async Task<MonthStartOutcome> RunAsync(MonthStartRequest request, CancellationToken ct)
    {
        var office = await db.Offices.Include(o => o.MonthStarts).FirstOrDefaultAsync(o => o.Code == request.OfficeCode, ct);
        if (office is null)
            return new(false, "hijri_month_no_office", request.OfficeCode);
        if (request.Month is < 1 or > 12)
            return new(false, "hijri_month_invalid", request.Month);
        var computed = CalendarConverter.FirstDayOf(request.Year, request.Month, CalendarKind.UmmAlQura, new HijriAdjustment(office.HijriAdjustment, []));
        if (computed is null)
            return new(false, "hijri_month_out_of_range", request.Year);

        var about = (request.Year, request.Month);
        var monthName = $"{CalendarNames.Month(CalendarKind.UmmAlQura, request.Month, "en")} {request.Year}";
        var existing = office.MonthStarts.FirstOrDefault(m => m.Year == request.Year && m.Month == request.Month);
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.StartsOn is not { } startsOn)
        {
            if (existing is null)
                return new(false, "hijri_month_nothing_to_remove", office.Code) { About = about };
            office.MonthStarts.Remove(existing);
            AuditLog.Record(db, now, request.Actor, "hijri-month.removed", $"office:{office.Code}", $"{monthName} (was {existing.StartsOn:yyyy-MM-dd})");
            await db.SaveChangesAsync(ct);
            await changes.SavedAsync(new ContentChange.Everything($"hijri month of {office.Code}"));
            return new(true, "hijri_month_removed", office.Code, Day(computed.Value)) { About = about };
        }

        if (Math.Abs(startsOn.DayNumber - computed.Value.DayNumber) > MaxDaysFromComputed)
            return new(false, "hijri_month_too_far", Day(computed.Value), MaxDaysFromComputed, Day(startsOn)) { About = about };

        if (existing is null)
            office.MonthStarts.Add(new HijriMonthStart { Year = request.Year, Month = request.Month, StartsOn = startsOn, RecordedBy = request.Actor, RecordedAt = now });
        else
        {
            existing.StartsOn = startsOn;
            existing.RecordedBy = request.Actor;
            existing.RecordedAt = now;
        }
        AuditLog.Record(db, now, request.Actor, "hijri-month.recorded", $"office:{office.Code}", $"{monthName} began on {startsOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything($"hijri month of {office.Code}"));
        return new(true, "hijri_month_recorded", office.Code, Day(startsOn), Day(computed.Value)) { About = about };
    }

    /// <summary>Days are written ISO in every language: the form asks for them so.</summary>
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
