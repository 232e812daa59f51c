using Bayan.Calendars;
using Bayan.Dates;
using Bayan.Tests.Support;

namespace Bayan.Tests.Dates;

public sealed class DateFormatterTests
{
    private static readonly TimeZoneInfo Riyadh = DateFormatter.FindZone("Asia/Riyadh");
    private static readonly DateOptions Gregorian = new([new CalendarDisplay(CalendarKind.Gregorian, DateStyle.Medium)], HijriAdjustment.None);

    // Expected texts are written out by hand, not computed by the code under test.
    [Theory]
    [InlineData("en", "21 November 2024")]
    [InlineData("ar", "٢١ نوفمبر ٢٠٢٤")]
    [InlineData("tr", "21 Kasım 2024")]
    [InlineData("ru", "21 ноября 2024")]
    public void Gregorian_dates_are_written_in_the_reader_language(string language, string expected)
    {
        var date = DateFormatter.Format(new DateTime(2024, 11, 21, 9, 0, 0, DateTimeKind.Utc), Riyadh, language, Gregorian);

        Assert.Equal(expected, date.Text.Readable());
        Assert.Equal("2024-11-21T12:00:00+03:00", date.Iso);
    }

    [Fact]
    public void The_same_instant_falls_on_different_days_in_different_zones()
    {
        var instant = new DateTime(2024, 3, 10, 22, 30, 0, DateTimeKind.Utc);

        Assert.Equal("10 March 2024", DateFormatter.Format(instant, TimeZoneInfo.Utc, "en", Gregorian).Text.Readable());
        Assert.Equal("11 March 2024", DateFormatter.Format(instant, Riyadh, "en", Gregorian).Text.Readable());
        Assert.Equal("2024-03-11T01:30:00+03:00", DateFormatter.Format(instant, Riyadh, "en", Gregorian).Iso);
    }

    [Fact]
    public void An_unknown_zone_falls_back_to_utc() =>
        Assert.Equal(TimeZoneInfo.Utc, DateFormatter.FindZone("Mars/Olympus_Mons"));

    [Theory]
    [InlineData("2024/11", "ar", "٢٠٢٤/١١")]
    [InlineData("2024/11", "en", "2024/11")]
    public void Digits_follow_the_language(string text, string language, string expected) =>
        Assert.Equal(expected, Digits.ForLanguage(text, language));
}
