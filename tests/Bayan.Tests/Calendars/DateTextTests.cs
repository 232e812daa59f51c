using Bayan.Calendars;
using Bayan.Dates;
using Bayan.Tests.Support;

namespace Bayan.Tests.Calendars;

/// <summary>Names and digits per language; every expected text is written out by hand.</summary>
public sealed class DateTextTests
{
    private static readonly DateOnly Thursday = new(2024, 11, 21);

    [Theory]
    [InlineData("en", "Thursday, 19 Jumada al-Awwal 1446")]
    [InlineData("ar", "الخميس، ١٩ جمادى الأولى ١٤٤٦")]
    [InlineData("ur", "جمعرات، 19 جمادی الاول 1446")]
    [InlineData("tr", "Perşembe, 19 Cemaziyelevvel 1446")]
    [InlineData("ru", "Четверг, 19 Джумада аль-уля 1446")]
    [InlineData("uz", "Payshanba, 19 Jumodul avval 1446")]
    public void Long_hijri_dates_in_every_language(string language, string expected) =>
        Assert.Equal(expected, Long(CalendarKind.UmmAlQura, language));

    [Theory]
    [InlineData("en", "Thursday, 21 November 2024")]
    [InlineData("ar", "الخميس، ٢١ نوفمبر ٢٠٢٤")]
    [InlineData("tr", "Perşembe, 21 Kasım 2024")]
    [InlineData("ru", "Четверг, 21 ноября 2024")]
    public void Long_gregorian_dates_in_every_language(string language, string expected) =>
        Assert.Equal(expected, Long(CalendarKind.Gregorian, language));

    [Theory]
    [InlineData("fa", true, "پنجشنبه، ۱ آذر ۱۴۰۳")]
    [InlineData("fa", false, "پنجشنبه، 1 آذر 1403")]
    [InlineData("en", false, "Thursday, 1 Azar 1403")]
    public void Solar_hijri_dates_with_the_digits_the_site_chose(string language, bool extended, string expected) =>
        Assert.Equal(expected, DateText.Format(CalendarConverter.Convert(Thursday, CalendarKind.SolarHijri)!.Value, DateStyle.Long, language, extended));

    [Theory]
    [InlineData("ur", true, "۲۰۲۴/۱۱/۲۱")]
    [InlineData("ar", false, "٢٠٢٤/١١/٢١")]
    [InlineData("en", false, "2024/11/21")]
    public void Short_dates_are_numeric_in_the_language_digits(string language, bool extended, string expected) =>
        Assert.Equal(expected, DateText.Format(CalendarConverter.Convert(Thursday, CalendarKind.Gregorian)!.Value, DateStyle.Short, language, extended));

    [Fact]
    public void Every_hijri_month_has_a_name_in_every_language()
    {
        foreach (var language in new[] { "ar", "en", "ur", "tr", "ru", "uz", "fa" })
        {
            var names = Enumerable.Range(1, 12).Select(m => CalendarNames.Month(CalendarKind.UmmAlQura, m, language)).ToList();
            Assert.Equal(12, names.Distinct().Count());
        }
    }

    [Fact]
    public void A_dateline_marks_each_calendar_in_the_reader_language()
    {
        var options = new DateOptions(
            [new(CalendarKind.UmmAlQura, DateStyle.Medium), new(CalendarKind.Gregorian, DateStyle.Long)],
            HijriAdjustment.None, Marked: true);
        var instant = new DateTime(2023, 11, 4, 9, 0, 0, DateTimeKind.Utc);
        var riyadh = DateFormatter.FindZone("Asia/Riyadh");

        Assert.Equal("H. 20 Rabi' al-Thani 1445 — M. Saturday, 4 November 2023", DateFormatter.Format(instant, riyadh, "en", options).Text.Readable());
        Assert.Equal("٢٠ ربيع الآخر ١٤٤٥ هـ — السبت، ٤ نوفمبر ٢٠٢٣ م", DateFormatter.Format(instant, riyadh, "ar", options).Text.Readable());
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("ur")]
    [InlineData("fa")]
    [InlineData("en")]
    [InlineData("tr")]
    [InlineData("ru")]
    [InlineData("uz")]
    public void Calendars_are_joined_by_a_separator_that_looks_like_no_digit(string language)
    {
        var options = new DateOptions(
            [new(CalendarKind.UmmAlQura, DateStyle.Long), new(CalendarKind.Gregorian, DateStyle.Medium), new(CalendarKind.SolarHijri, DateStyle.Short)],
            HijriAdjustment.None, ExtendedDigits: true, Marked: true);

        var text = DateFormatter.Text(new DateOnly(2026, 12, 7), language, options);

        // A middle dot reads as the Arabic-Indic zero (٠), a bar or slash between dates as the one (١), a period as a zero.
        var parts = text.Split(" — ");
        Assert.Equal(3, parts.Length);
        Assert.All(parts, part => Assert.DoesNotContain(part, c => c is '·' or '|' or '•' or '∙'));
    }

    [Theory]
    [InlineData("ar", "٢٧ جمادى الآخرة ١٤٤٨ هـ", "٧ ديسمبر ٢٠٢٦ م")]
    [InlineData("en", "H. 27 Jumada al-Thani 1448", "M. 7 December 2026")]
    [InlineData("ur", "27 جمادی الثانی 1448 ھ", "7 دسمبر 2026 ء")]
    public void One_date_with_its_era_mark_never_breaks_across_lines(string language, string hijri, string gregorian)
    {
        var options = new DateOptions(
            [new(CalendarKind.UmmAlQura, DateStyle.Medium), new(CalendarKind.Gregorian, DateStyle.Medium)], HijriAdjustment.None, Marked: true);

        var text = DateFormatter.Text(new DateOnly(2026, 12, 7), language, options);

        // The only places a line may end are the two ordinary spaces around the dash between the calendars.
        Assert.Equal(hijri + " — " + gregorian, text.Readable());
        Assert.Equal(2, text.Count(c => c == ' '));
        Assert.DoesNotContain('-', text);
    }

    [Fact]
    public void The_same_instant_is_a_different_hijri_day_in_different_zones()
    {
        var instant = new DateTime(2024, 3, 10, 22, 30, 0, DateTimeKind.Utc);
        var options = new DateOptions([new(CalendarKind.UmmAlQura, DateStyle.Medium)], HijriAdjustment.None);

        Assert.Equal("29 Sha'ban 1445", DateFormatter.Format(instant, TimeZoneInfo.Utc, "en", options).Text.Readable());
        Assert.Equal("1 Ramadan 1445", DateFormatter.Format(instant, DateFormatter.FindZone("Asia/Riyadh"), "en", options).Text.Readable());
    }

    [Fact]
    public void A_date_no_chosen_calendar_can_show_falls_back_to_gregorian()
    {
        var options = new DateOptions([new(CalendarKind.SolarHijri, DateStyle.Medium)], HijriAdjustment.None);

        Assert.Equal("1 January 1", DateFormatter.Text(new DateOnly(1, 1, 1), "en", options).Readable());
    }

    private static string Long(CalendarKind calendar, string language) =>
        DateText.Format(CalendarConverter.Convert(Thursday, calendar)!.Value, DateStyle.Long, language);
}
