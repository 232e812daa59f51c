using Bayan.Navigation;
using Bayan.Operations;

namespace Bayan.Tests.Navigation;

public sealed class LinkRulesTests
{
    [Theory]
    [InlineData("/\\evil.example/x")]
    [InlineData("/\\/evil.example")]
    [InlineData("//evil.example/x")]
    [InlineData("\\\\evil.example\\x")]
    [InlineData("/en/pages\\about")]
    [InlineData("javascript:alert(1)")]
    public void Addresses_that_lead_elsewhere_or_run_are_refused(string url) =>
        Assert.True(Problems(url).ContainsKey("url"), url);

    [Theory]
    [InlineData("/en/pages/about")]
    [InlineData("/ar/archive/")]
    [InlineData("https://example.org/a?b=1")]
    public void Local_paths_and_web_addresses_pass(string url) =>
        Assert.False(Problems(url).ContainsKey("url"), url);

    private static Dictionary<string, Problem> Problems(string url)
    {
        var errors = new Dictionary<string, Problem>();
        LinkRules.Check("Label", url, errors);
        return errors;
    }
}
