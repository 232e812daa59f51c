using System.Data.Common;
using Bayan.Calendars;
using Bayan.Data;
using Bayan.Dates;
using Bayan.Offices;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Numbering;

/// <summary>
/// Gives a release its reference number at first publication. The office's counter for the year is
/// raised by one statement in the database (an upsert), so two publications, in this process or on
/// another node, never get the same number; a number once given is never given again.
/// </summary>
public static class ReferenceNumbers
{
    /// <summary>Call inside the publishing transaction; the release's office must be loaded with its month starts.</summary>
    public static async Task AssignAsync(BayanDb db, Release release, DateTime publishedAtUtc, CancellationToken ct)
    {
        if (release.ReferenceNumber is not null)
            return;
        var office = release.Office;
        var pattern = NumberingPattern.TryParse(office.NumberingPattern, out _) ?? NumberingPattern.Parse("{seq:1}");
        var yearIn = YearsAt(office, publishedAtUtc);
        var sequence = await NextAsync(db, office.Id, pattern.ScopeFor(yearIn), ct);
        release.Sequence = sequence;
        release.ReferenceNumber = pattern.Format(sequence, office.Code, yearIn);
    }

    /// <summary>The year of each calendar on the office's local day, with its Hijri adjustment.</summary>
    public static Func<CalendarKind, int?> YearsAt(Office office, DateTime utc)
    {
        var zone = DateFormatter.FindZone(office.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        var adjustment = office.HijriCalendar;
        return calendar => CalendarConverter.ConvertOrNearest(day, calendar, adjustment)?.Year;
    }

    private static async Task<int> NextAsync(BayanDb db, int officeId, string scope, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Both SQLite (3.35+) and PostgreSQL understand this upsert with RETURNING.
        command.CommandText =
            """
            INSERT INTO "NumberSequences" ("OfficeId", "Scope", "Last") VALUES (@office, @scope, 1)
            ON CONFLICT ("OfficeId", "Scope") DO UPDATE SET "Last" = "NumberSequences"."Last" + 1
            RETURNING "Last"
            """;
        Add(command, "@office", officeId);
        Add(command, "@scope", scope);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
