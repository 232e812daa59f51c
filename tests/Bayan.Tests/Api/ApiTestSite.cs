using Bayan.Accounts;
using Bayan.Operations;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Api;

/// <summary>
/// A site for the token API: a clock that stands still unless a test moves it (token expiry, last
/// use, the rate limit's windows), and a rate limit small enough to reach in a test.
/// </summary>
public sealed class ApiTestSite : TestSite
{
    public const int RequestsPerMinute = 40;

    // At the start of a minute: a test that moves it by seconds stays in the same window of the rate limit.
    public ApiTestSite() => Clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60));

    public DateTime Now => Clock!.Now.UtcDateTime;

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Bayan:Api:RequestsPerMinute"] = RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A token of the user made as the command line makes it; its secret.</summary>
    public async Task<NewToken> TokenAsync(User user, params TokenScope[] scopes)
    {
        var (token, outcome) = await InScopeAsync(s => s.GetRequiredService<CreateToken>()
            .RunAsync(Actor.System("tests"), user.Id, new TokenRequest(Seed.Unique("token"), scopes, null), CancellationToken.None));
        Assert.IsType<Outcome.Done>(outcome);
        return token!;
    }

    public ApiClient Client(NewToken token, string language = "en") => new(BaseAddress, token.Secret, language);
}
