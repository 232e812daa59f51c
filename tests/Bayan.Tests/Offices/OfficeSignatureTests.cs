using System.Net;
using AngleSharp.Html.Parser;
using Bayan.Feeds;
using Bayan.Releases;
using Bayan.Tests.Feeds;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Offices;

/// <summary>Every release ends with its office's signature block, set in the office form, in the page's language.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class OfficeSignatureTests(TestSite site) : IClassFixture<TestSite>
{
    private static string PathOf(Release release, string lang) =>
        $"/{lang}/{release.Office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions.Single(v => v.Language == lang).Slug)}";

    private async Task<AdminClient> AdministratorAsync()
    {
        var user = await site.Seed.UserAsync(administrator: true);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    private static KeyValuePair<string, string>[] Form(string code, params KeyValuePair<string, string>[] signature) =>
    [
        new("Code", code), new("Names[ar]", "مكتب الإعلام"), new("Names[en]", "Media office"), new("DefaultLanguage", "ar"),
        new("TimeZone", "Asia/Riyadh"), new("HijriAdjustment", "0"), new("NumberingPattern", "{hijri-year}/{seq:2}"),
        .. signature,
    ];

    [Fact]
    public async Task The_signature_set_in_the_office_form_ends_each_release_in_the_page_language()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        using var admin = await AdministratorAsync();

        var saved = await admin.PostFormAsync($"/admin/offices/{office.Id}", Form(office.Code,
            new("FullNames[ar]", "المكتب الإعلامي لوزارة الاختبار"), new("FullNames[en]", "Media Office of the Ministry of Tests"),
            new("Addresses[ar]", "طريق الملك فهد\r\nالرياض ١١١٧٦"),
            new("Website", "https://www.tests.example.org/"), new("Telephone", "+966 11 000 1234"),
            new("Email", "media@tests.example.org"), new("SocialLinks", "https://x.com/tests\r\n\r\nhttps://www.youtube.com/@tests")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, english) = await site.Http.GetPageAsync(PathOf(release, "en"));
        var signature = english.QuerySelector("article.release address.signature")!;
        Assert.Equal("Media Office of the Ministry of Tests", signature.QuerySelector("strong")!.TextContent);
        Assert.Equal("en", signature.QuerySelector("strong")!.GetAttribute("lang"));
        // No English address: the office's Arabic one, marked as Arabic and right to left, line by line.
        var address = signature.QuerySelector(".address")!;
        Assert.Equal(("ar", "rtl"), (address.GetAttribute("lang"), address.GetAttribute("dir")));
        Assert.Equal(2, address.QuerySelectorAll("br").Length + 1);
        Assert.Equal("https://www.tests.example.org/", signature.QuerySelector("a[href^='https://www.tests']")!.GetAttribute("href"));
        Assert.Contains("tests.example.org", signature.TextContent);
        Assert.NotNull(signature.QuerySelector("a[href='tel:+966110001234']"));
        Assert.NotNull(signature.QuerySelector("a[href='mailto:media@tests.example.org']"));
        Assert.Equal(["X", "YouTube"], signature.QuerySelectorAll(".social a").Select(a => a.TextContent));
        Assert.Contains("Website", signature.TextContent);

        var (_, arabic) = await site.Http.GetPageAsync(PathOf(release, "ar"));
        var arabicSignature = arabic.QuerySelector("article.release address.signature")!;
        Assert.Equal("المكتب الإعلامي لوزارة الاختبار", arabicSignature.QuerySelector("strong")!.TextContent);
        Assert.Contains("الموقع", arabicSignature.TextContent);
    }

    [Fact]
    public async Task Only_the_lines_an_office_set_are_shown()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);

        var (_, page) = await site.Http.GetPageAsync(PathOf(release, "en"));

        var signature = page.QuerySelector("article.release address.signature")!;
        Assert.Equal($"Office {office.Code}", signature.QuerySelector("strong")!.TextContent.Trim());
        Assert.Null(signature.QuerySelector(".address"));
        Assert.Null(signature.QuerySelector(".contact"));
        Assert.Null(signature.QuerySelector(".social"));
        Assert.Empty(signature.QuerySelectorAll("a"));
    }

    [Theory]
    [InlineData("Website", "javascript:alert(1)", "website")]
    [InlineData("Email", "not an address", "e-mail")]
    [InlineData("Telephone", "call us maybe", "telephone")]
    [InlineData("SocialLinks", "https://x.com/ok\nftp://files.example.org", "social")]
    [InlineData("FullNames[tr]", "Tam ad", "name in a language")]
    public async Task A_bad_signature_value_is_refused_and_changes_nothing(string field, string value, string said)
    {
        var office = await site.Seed.OfficeAsync();
        using var admin = await AdministratorAsync();

        var response = await admin.PostFormAsync($"/admin/offices/{office.Id}", Form(office.Code, new KeyValuePair<string, string>(field, value)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(said, Assert.Single(page.QuerySelectorAll("p.error")).TextContent, StringComparison.OrdinalIgnoreCase);
        var stored = await site.Seed.WithDbAsync(db => db.Offices.Include(o => o.Names).SingleAsync(o => o.Id == office.Id));
        // The form renamed the office too: that is not saved either.
        Assert.Equal($"Office {office.Code}", stored.Names.Single(n => n.Language == "en").Name);
        Assert.Null(stored.Website);
        Assert.All(stored.Names, n => Assert.Null(n.FullName));
    }

    [Fact]
    public async Task Feeds_carry_the_signature_at_the_end_of_the_full_text()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.WithDbAsync(async db =>
        {
            var stored = await db.Offices.Include(o => o.Names).SingleAsync(o => o.Id == office.Id);
            stored.Names.Single(n => n.Language == "en").FullName = "Signed Office of Feeds";
            stored.Email = "feeds@tests.example.org";
            await db.SaveChangesAsync();
        });
        var release = await site.Seed.ReleaseAsync(office);
        var title = release.Versions.Single(v => v.Language == "en").Title;

        foreach (var format in FeedFormats.All)
        {
            var feed = await FeedReader.FetchAsync(site.Http, $"/en/{office.Code}/feed.{format.Extension()}");
            var content = new HtmlParser().ParseDocument(Assert.Single(feed.Entries, e => e.Title == title).ContentHtml);
            var signature = content.QuerySelector("address.signature")!;
            Assert.Null(signature.NextElementSibling);
            Assert.Contains("Signed Office of Feeds", signature.TextContent);
            Assert.Contains("mailto:feeds@tests.example.org", signature.InnerHtml);
        }
    }
}
