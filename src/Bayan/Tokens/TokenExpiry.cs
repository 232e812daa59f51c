using System.Globalization;
using System.Text.RegularExpressions;

namespace Bayan.Tokens;

/// <summary>
/// How people give an expiry: a day ("2027-01-31", the token works through that day on the site's
/// clock) or, on the command line, a number of days from now ("90d").
/// </summary>
public static partial class TokenExpiry
{
    /// <summary>The instant (UTC) the token stops working, or null when the text is neither form.</summary>
    public static DateTime? Parse(string text, TimeZoneInfo zone, DateTime nowUtc)
    {
        text = text.Trim();
        if (Days().Match(text) is { Success: true } days && int.TryParse(days.Groups[1].Value, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 3650)
            return nowUtc.AddDays(count);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? EndOfDay(day, zone) : null;
    }

    /// <summary>The next day's first moment on the zone's clock, in UTC.</summary>
    public static DateTime EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A zone that moves its clocks at midnight skips that midnight: the day then ends an hour later.
        if (zone.IsInvalidTime(midnight))
            midnight = midnight.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
    }

    [GeneratedRegex(@"^(\d{1,4})d$")]
    private static partial Regex Days();
}
