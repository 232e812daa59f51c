using Bayan.Calendars;
using Bayan.Dates;

namespace Bayan.Tests.Calendars;

public sealed class MonthRangeTests
{
    private static readonly TimeZoneInfo Riyadh = DateFormatter.FindZone("Asia/Riyadh");

    [Fact]
    public void A_gregorian_month_runs_from_local_midnight_to_local_midnight()
    {
        var range = MonthRange.Of(2024, 11, CalendarKind.Gregorian, Riyadh)!;

        Assert.Equal(new DateTime(2024, 10, 31, 21, 0, 0, DateTimeKind.Utc), range.StartUtc);
        Assert.Equal(new DateTime(2024, 11, 30, 21, 0, 0, DateTimeKind.Utc), range.EndUtc);
    }

    [Fact]
    public void Ramadan_1445_ran_from_11_march_to_9_april_2024()
    {
        var range = MonthRange.Of(1445, 9, CalendarKind.UmmAlQura, TimeZoneInfo.Utc)!;

        Assert.Equal(new DateTime(2024, 3, 11, 0, 0, 0, DateTimeKind.Utc), range.StartUtc);
        Assert.Equal(new DateTime(2024, 4, 10, 0, 0, 0, DateTimeKind.Utc), range.EndUtc);
    }

    [Theory]
    [InlineData(2024, 13)]
    [InlineData(0, 1)]
    [InlineData(2024, 0)]
    public void Months_that_do_not_exist_have_no_range(int year, int month) =>
        Assert.Null(MonthRange.Of(year, month, CalendarKind.Gregorian, Riyadh));
}
