using Bayan.Audit;
using Bayan.Calendars;
using Bayan.Changes;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Offices;

public sealed record MonthStartRequest(string OfficeCode, int Year, int Month, DateOnly? StartsOn, string Actor);

/// <summary>The outcome: what is recorded now, or why nothing changed.</summary>
public sealed record MonthStartOutcome(bool Changed, string Message);

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
            return new(false, $"There is no office '{request.OfficeCode}'.");
        if (request.Month is < 1 or > 12)
            return new(false, $"A Hijri month is 1 to 12, not {request.Month}.");
        var computed = CalendarConverter.FirstDayOf(request.Year, request.Month, CalendarKind.UmmAlQura, new HijriAdjustment(office.HijriAdjustment, []));
        if (computed is null)
            return new(false, $"{request.Year} is outside the Hijri years Bayan can date (1318 to 1500).");

        var monthName = $"{CalendarNames.Month(CalendarKind.UmmAlQura, request.Month, "en")} {request.Year}";
        var existing = office.MonthStarts.FirstOrDefault(m => m.Year == request.Year && m.Month == request.Month);
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.StartsOn is not { } startsOn)
        {
            if (existing is null)
                return new(false, $"{office.Code} has no recorded start for {monthName}; nothing to remove.");
            office.MonthStarts.Remove(existing);
            AuditLog.Record(db, now, request.Actor, "hijri-month.removed", $"office:{office.Code}", $"{monthName} (was {existing.StartsOn:yyyy-MM-dd})");
            await db.SaveChangesAsync(ct);
            await changes.SavedAsync(new ContentChange.Everything($"hijri month of {office.Code}"));
            return new(true, $"{office.Code}: {monthName} follows the computed calendar again ({computed:yyyy-MM-dd}).");
        }

        if (Math.Abs(startsOn.DayNumber - computed.Value.DayNumber) > MaxDaysFromComputed)
            return new(false, $"{monthName} is computed to begin on {computed:yyyy-MM-dd}; a recorded start must be within {MaxDaysFromComputed} days of it, and {startsOn:yyyy-MM-dd} is not.");

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
        return new(true, $"{office.Code}: {monthName} began on {startsOn:yyyy-MM-dd} (computed: {computed:yyyy-MM-dd}).");
    }
}
