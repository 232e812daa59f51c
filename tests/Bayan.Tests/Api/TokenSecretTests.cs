using Bayan.Tokens;

namespace Bayan.Tests.Api;

public sealed class TokenSecretTests
{
    [Fact]
    public void A_new_secret_is_recognisable_random_and_hashed_to_hex()
    {
        var (one, two) = (TokenSecret.New(), TokenSecret.New());

        Assert.NotEqual(one, two);
        Assert.True(TokenSecret.LooksLikeToken(one));
        Assert.Equal(TokenSecret.Length, one.Length);
        Assert.Matches("^[0-9a-f]{64}$", TokenSecret.Hash(one));
        Assert.StartsWith(TokenSecret.Hint(one), one);
        Assert.False(TokenSecret.LooksLikeToken(one[..^1]));
        Assert.False(TokenSecret.LooksLikeToken("ghp_" + one[4..]));
        Assert.False(TokenSecret.LooksLikeToken(one[..^1] + "!"));
    }

    [Theory]
    [InlineData("2027-01-31", "2027-01-31T21:00:00Z")]
    [InlineData("30d", "2026-12-09T12:00:00Z")]
    public void An_expiry_is_a_day_on_the_sites_clock_or_a_number_of_days(string text, string expected)
    {
        var riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
        var now = new DateTime(2026, 11, 9, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), TokenExpiry.Parse(text, riyadh, now));
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("0d")]
    [InlineData("2027-02-30")]
    public void Anything_else_is_no_expiry(string text) =>
        Assert.Null(TokenExpiry.Parse(text, TimeZoneInfo.Utc, DateTime.UtcNow));
}
