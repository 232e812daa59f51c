using System.Net;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Admin;

[Trait(Suite.Category, Suite.Database)]
public sealed class OfficeAndSettingsTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<AdminClient> SignedInAsync(bool administrator = true, int[]? offices = null)
    {
        var user = await site.Seed.UserAsync(administrator: administrator, offices: offices);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    private static KeyValuePair<string, string>[] OfficeForm(string code, string pattern = "{hijri-year}/{seq:2}", string zone = "Asia/Riyadh", string shift = "0") =>
    [
        new("Code", code), new("Names[ar]", "مكتب الاختبار"), new("Names[en]", "Test office"), new("DefaultLanguage", "ar"),
        new("TimeZone", zone), new("HijriAdjustment", shift), new("NumberingPattern", pattern),
    ];

    [Fact]
    public async Task An_administrator_creates_an_office_that_serves_its_public_page()
    {
        using var admin = await SignedInAsync();
        var code = Seed.Unique("press");

        var response = await admin.PostFormAsync("/admin/offices/new", OfficeForm(code));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (page, document) = await site.Http.GetPageAsync($"/en/{code}/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Test office", document.Text("main h1"));
        Assert.True(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Subject == $"office:{code}" && a.Action == "office.created")));
    }

    [Theory]
    [InlineData("archive", "{seq:2}", "Asia/Riyadh", "0", "may not be a word the site uses")]
    [InlineData("Bad Code!", "{seq:2}", "Asia/Riyadh", "0", "lowercase")]
    [InlineData("fine-code", "{year}/{seq:2}", "Asia/Riyadh", "0", "Unknown token")]
    [InlineData("fine-code", "{seq:2}", "Mars/Base", "0", "Mars/Base")]
    [InlineData("fine-code", "{seq:2}", "Asia/Riyadh", "5", "from -2 to 2")]
    public async Task Bad_office_input_is_refused_with_the_reason_and_saves_nothing(string code, string pattern, string zone, string shift, string reason)
    {
        using var admin = await SignedInAsync();
        var before = await site.Seed.WithDbAsync(db => db.Offices.CountAsync());

        var response = await admin.PostFormAsync("/admin/offices/new", OfficeForm(code, pattern, zone, shift));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await site.Seed.WithDbAsync(db => db.Offices.CountAsync()));
    }

    [Fact]
    public async Task Editors_may_not_manage_offices_settings_or_the_audit_log()
    {
        var office = await site.Seed.OfficeAsync();
        using var editor = await SignedInAsync(administrator: false, offices: [office.Id]);
        var before = await site.Seed.WithDbAsync(db => db.Offices.CountAsync());

        foreach (var path in new[] { "/admin/offices", "/admin/offices/new", $"/admin/offices/{office.Id}", "/admin/settings", "/admin/audit" })
        {
            var response = await editor.GetAsync(path);
            Assert.Contains("/admin/denied", response.Headers.Location?.OriginalString ?? response.StatusCode.ToString());
        }
        var post = await editor.PostFormAsync("/admin/login", "/admin/offices/new", OfficeForm(Seed.Unique("sneaky")));
        Assert.Contains("/admin/denied", post.Headers.Location?.OriginalString ?? post.StatusCode.ToString());
        Assert.Equal(before, await site.Seed.WithDbAsync(db => db.Offices.CountAsync()));
    }

    [Fact]
    public async Task Bad_date_settings_are_refused_and_the_audit_log_lists_changes()
    {
        using var admin = await SignedInAsync();

        var bad = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Dates",
            [new("TimeZone", "Asia/Riyadh"), new("HeaderDates", "hijri:enormous"), new("DatelineDates", "hijri:medium"), new("ListingDates", "gregorian:short")]);
        var audit = await admin.PageAsync("/admin/audit?action=site.");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("hijri:enormous", await bad.Content.ReadAsStringAsync());
        Assert.Equal(Bayan.Sites.Site.DefaultHeaderDates, await site.Seed.WithDbAsync(db => db.Sites.Select(s => s.HeaderDates).SingleAsync()));
        Assert.NotNull(audit.QuerySelector("table.audit"));
    }

    [Fact]
    public async Task Bad_date_settings_are_explained_in_the_administrators_language()
    {
        var user = await site.Seed.UserAsync(administrator: true);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, "ar")));
        using var admin = new AdminClient(site.BaseAddress);
        Assert.True(await admin.SignInAsync(user.Email!, Seed.Password));

        var bad = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Dates",
            [new("TimeZone", "Mars/Base"), new("HeaderDates", "hijri:enormous"), new("DatelineDates", "hijri:medium"), new("ListingDates", "gregorian:short")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync());
        var errors = page.QuerySelectorAll("p.error").Select(e => e.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains("hijri:enormous") && e.Contains("ليست قائمة"));
        Assert.Contains(errors, e => e.Contains("Mars/Base") && e.Contains("ليست منطقة زمنية معروفة"));
    }
}
