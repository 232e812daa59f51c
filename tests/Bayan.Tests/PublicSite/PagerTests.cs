using Bayan.Web.PublicSite;
using Bayan.Releases;

namespace Bayan.Tests.PublicSite;

public sealed class PagerTests
{
    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(2, 0, false)]
    [InlineData(1, 20, true)]
    [InlineData(2, 20, false)]
    [InlineData(2, 21, true)]
    [InlineData(0, 21, false)]
    [InlineData(1_000_000_000, 21, false)]
    public void A_page_exists_when_the_listing_reaches_it(int page, int total, bool exists) =>
        Assert.Equal(exists, Pager.Exists(page, total, 20));

    [Fact]
    public void Long_listings_show_the_ends_and_a_window_around_the_current_page()
    {
        var pager = Pager.Create("/en/x/", current: 10, total: 400, pageSize: 20, "en");

        Assert.Equal(["1", "…", "8", "9", "10", "11", "12", "…", "20"], pager.Pages.Select(p => p.Label));
        Assert.Equal("/en/x/?page=9", pager.PreviousUrl);
        Assert.Equal("/en/x/?page=11", pager.NextUrl);
        Assert.Equal("/en/x/", pager.Pages[0].Url);
        Assert.True(pager.Pages.Single(p => p.Label == "10").Current);
    }
}
