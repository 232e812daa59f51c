using Bayan.Calendars;

namespace Bayan.Tests.Calendars;

/// <summary>
/// Conversions checked against published dates (Umm al-Qura month starts, Nowruz, Eid days) and the
/// calendars' documented ranges, not against values computed by the code under test.
/// </summary>
public sealed class CalendarConverterTests
{
    [Theory]
    // Umm al-Qura: month starts and feast days as announced for those years.
    [InlineData("2023-07-19", CalendarKind.UmmAlQura, 1445, 1, 1)]
    [InlineData("2023-11-04", CalendarKind.UmmAlQura, 1445, 4, 20)]
    [InlineData("2024-03-11", CalendarKind.UmmAlQura, 1445, 9, 1)]
    [InlineData("2024-04-10", CalendarKind.UmmAlQura, 1445, 10, 1)]
    [InlineData("2024-06-16", CalendarKind.UmmAlQura, 1445, 12, 10)]
    [InlineData("2024-07-07", CalendarKind.UmmAlQura, 1446, 1, 1)]
    [InlineData("2024-11-21", CalendarKind.UmmAlQura, 1446, 5, 19)]
    [InlineData("2025-03-01", CalendarKind.UmmAlQura, 1446, 9, 1)]
    // The first and last days Umm al-Qura covers.
    [InlineData("1900-04-30", CalendarKind.UmmAlQura, 1318, 1, 1)]
    [InlineData("2077-11-16", CalendarKind.UmmAlQura, 1500, 12, 30)]
    // Tabular Hijri on the astronomical (Thursday) epoch: 1 Muharram 1 AH is 15 July 622 Julian,
    // 18 July 622 proleptic Gregorian. (The civil epoch is a day later: an office shift of -1.)
    [InlineData("0622-07-18", CalendarKind.HijriTabular, 1, 1, 1)]
    [InlineData("0622-07-19", CalendarKind.HijriTabular, 1, 1, 2)]
    // Solar Hijri: Nowruz, and the last day of the leap year 1403 (30 Esfand).
    [InlineData("2023-03-21", CalendarKind.SolarHijri, 1402, 1, 1)]
    [InlineData("2024-03-20", CalendarKind.SolarHijri, 1403, 1, 1)]
    [InlineData("2025-03-20", CalendarKind.SolarHijri, 1403, 12, 30)]
    [InlineData("2025-03-21", CalendarKind.SolarHijri, 1404, 1, 1)]
    [InlineData("2024-11-21", CalendarKind.SolarHijri, 1403, 9, 1)]
    // Gregorian: a leap day and a year end.
    [InlineData("2024-02-29", CalendarKind.Gregorian, 2024, 2, 29)]
    [InlineData("2023-12-31", CalendarKind.Gregorian, 2023, 12, 31)]
    public void Days_convert_to_the_published_dates(string day, CalendarKind calendar, int year, int month, int dayOfMonth)
    {
        var date = CalendarConverter.Convert(DateOnly.Parse(day), calendar);

        Assert.NotNull(date);
        Assert.Equal((year, month, dayOfMonth), (date.Value.Year, date.Value.Month, date.Value.Day));
        Assert.Equal(DateOnly.Parse(day).DayOfWeek, date.Value.DayOfWeek);
    }

    [Theory]
    [InlineData("1900-04-29")]
    [InlineData("2077-11-17")]
    [InlineData("0001-01-01")]
    public void Days_outside_umm_al_qura_give_no_date_instead_of_an_error(string day) =>
        Assert.Null(CalendarConverter.Convert(DateOnly.Parse(day), CalendarKind.UmmAlQura));

    [Fact]
    public void Outside_umm_al_qura_the_tabular_calendar_stands_in()
    {
        var date = CalendarConverter.ConvertOrNearest(new DateOnly(2100, 1, 1), CalendarKind.UmmAlQura);

        Assert.Equal(CalendarKind.HijriTabular, date!.Value.Calendar);
        Assert.Equal(1523, date.Value.Year);
    }

    [Theory]
    [InlineData(1, "2024-03-10", 1445, 9, 1)]
    [InlineData(-1, "2024-03-12", 1445, 9, 1)]
    [InlineData(2, "2024-03-09", 1445, 9, 1)]
    public void A_whole_shift_moves_every_hijri_day(int shift, string day, int year, int month, int dayOfMonth)
    {
        var date = CalendarConverter.Convert(DateOnly.Parse(day), CalendarKind.UmmAlQura, new HijriAdjustment(shift, []));

        Assert.Equal((year, month, dayOfMonth), (date!.Value.Year, date.Value.Month, date.Value.Day));
    }

    [Theory]
    // The office saw the Ramadan moon a day late: Ramadan 1445 began on 12 March 2024 there.
    [InlineData("2024-03-11", 1445, 8, 30)]
    [InlineData("2024-03-12", 1445, 9, 1)]
    [InlineData("2024-04-09", 1445, 9, 29)]
    [InlineData("2024-04-10", 1445, 10, 1)]
    [InlineData("2024-02-20", 1445, 8, 10)]
    public void A_recorded_month_start_governs_every_day_of_that_month(string day, int year, int month, int dayOfMonth)
    {
        var adjustment = new HijriAdjustment(0, [new RecordedMonthStart(1445, 9, new DateOnly(2024, 3, 12))]);

        var date = CalendarConverter.Convert(DateOnly.Parse(day), CalendarKind.UmmAlQura, adjustment);

        Assert.Equal((year, month, dayOfMonth), (date!.Value.Year, date.Value.Month, date.Value.Day));
    }

    [Fact]
    public void A_recorded_start_of_the_next_month_lengthens_the_month_before_it()
    {
        var adjustment = new HijriAdjustment(0,
        [
            new RecordedMonthStart(1445, 9, new DateOnly(2024, 3, 12)),
            new RecordedMonthStart(1445, 10, new DateOnly(2024, 4, 11)),
        ]);

        var date = CalendarConverter.Convert(new DateOnly(2024, 4, 10), CalendarKind.UmmAlQura, adjustment);

        Assert.Equal((1445, 9, 30), (date!.Value.Year, date.Value.Month, date.Value.Day));
    }

    [Theory]
    [InlineData(1445, 9, CalendarKind.UmmAlQura, "2024-03-11")]
    [InlineData(1403, 1, CalendarKind.SolarHijri, "2024-03-20")]
    [InlineData(2024, 2, CalendarKind.Gregorian, "2024-02-01")]
    public void First_days_of_months(int year, int month, CalendarKind calendar, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), CalendarConverter.FirstDayOf(year, month, calendar));

    [Theory]
    [InlineData(1445, 13)]
    [InlineData(1445, 0)]
    [InlineData(1501, 1)]
    [InlineData(1317, 1)]
    public void Months_a_calendar_does_not_have_have_no_first_day(int year, int month) =>
        Assert.Null(CalendarConverter.FirstDayOf(year, month, CalendarKind.UmmAlQura));
}
