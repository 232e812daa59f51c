using AngleSharp.Html.Parser;
using Bayan.Feeds;

namespace Bayan.Tests.Feeds;

public sealed class FeedHtmlTests
{
    private const string Page = "https://news.example.org/ar/water/42/%D8%A8%D9%8A%D8%A7%D9%86";

    [Theory]
    [InlineData("/media/2024/report.pdf", "https://news.example.org/media/2024/report.pdf")]
    [InlineData("#fn1", Page + "#fn1")]
    [InlineData("other", "https://news.example.org/ar/water/42/other")]
    [InlineData("https://example.org/x?a=1&b=2", "https://example.org/x?a=1&b=2")]
    [InlineData("mailto:press@example.org", "mailto:press@example.org")]
    [InlineData("//cdn.example.net/x.png", "https://cdn.example.net/x.png")]
    public void Links_and_images_become_absolute_against_the_release_address(string href, string expected)
    {
        var html = FeedHtml.Content($"<p><a href=\"{href.Replace("&", "&amp;")}\">x</a><img src=\"{href.Replace("&", "&amp;")}\" alt=\"\"></p>", Page, "ar", "rtl", null, null);

        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(expected, document.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(expected, document.QuerySelector("p img")!.GetAttribute("src"));
    }

    [Fact]
    public void The_body_carries_its_language_and_direction_after_the_number_and_the_image()
    {
        var html = FeedHtml.Content("<p>نص</p>", Page, "ar", "rtl", "رقم ١٤٤٦/٠٥", "https://news.example.org/media/photo.jpg");

        var block = new HtmlParser().ParseDocument(html).QuerySelector("body > div")!;
        Assert.Equal(("ar", "rtl"), (block.GetAttribute("lang"), block.GetAttribute("dir")));
        Assert.Equal("رقم ١٤٤٦/٠٥", block.Children[0].TextContent);
        Assert.Equal("https://news.example.org/media/photo.jpg", block.Children[1].QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("نص", block.Children[2].TextContent);
    }

    [Theory]
    [InlineData("news.example.org", "tag:news.example.org,2024-11-21:release/42/ar")]
    [InlineData("News.Example.ORG", "tag:news.example.org,2024-11-21:release/42/ar")]
    [InlineData("127.0.0.1", "tag:127.0.0.1,2024-11-21:release/42/ar")]
    [InlineData("[::1]", null)]
    [InlineData("-bad-.example", null)]
    public void Release_ids_are_tag_uris_of_the_host_and_the_day_of_creation(string host, string? expected) =>
        Assert.Equal(expected, FeedIds.Release(host, new DateTime(2024, 11, 21, 23, 0, 0, DateTimeKind.Utc), 42, "ar"));
}
