using Bayan.Calendars;
using Bayan.Numbering;

namespace Bayan.Tests.Numbering;

public sealed class NumberingPatternTests
{
    private static int? Years(CalendarKind calendar) => calendar switch
    {
        CalendarKind.UmmAlQura => 1445,
        CalendarKind.Gregorian => 2024,
        CalendarKind.SolarHijri => 1403,
        _ => null,
    };

    [Theory]
    [InlineData("{hijri-year}/{seq:2}", 3, "1445/03", "hijri:1445")]
    [InlineData("{hijri-year}/{seq:2}", 123, "1445/123", "hijri:1445")]
    [InlineData("{office}-{greg-year}-{seq:4}", 7, "health-2024-0007", "gregorian:2024")]
    [InlineData("SH{solar-year}/{seq:1}", 12, "SH1403/12", "solar-hijri:1403")]
    [InlineData("No. {seq:3}", 5, "No. 005", "all")]
    [InlineData("{greg-year}/{hijri-year}/{seq:2}", 1, "2024/1445/01", "gregorian:2024")]
    public void Patterns_give_numbers_and_the_sequence_they_count_in(string pattern, int sequence, string number, string scope)
    {
        var parsed = NumberingPattern.Parse(pattern);

        Assert.Equal(number, parsed.Format(sequence, "health", Years));
        Assert.Equal(scope, parsed.ScopeFor(Years));
    }

    [Theory]
    [InlineData("", "needs")]
    [InlineData("{hijri-year}", "exactly one {seq:N}")]
    [InlineData("{seq:2}-{seq:3}", "exactly one {seq:N}")]
    [InlineData("{seq:0}", "Unknown token")]
    [InlineData("{year}/{seq:2}", "Unknown token {year}")]
    [InlineData("{seq:2", "brace")]
    public void Bad_patterns_are_refused_with_the_reason(string pattern, string reason)
    {
        Assert.Null(NumberingPattern.TryParse(pattern, out var error));
        Assert.Contains(reason, error);
    }
}
