using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Bayan.Accounts;
using Bayan.Importing;
using Bayan.Importing.Jobs;
using Bayan.Localization;
using Bayan.Offices;
using Bayan.Tests.Support;
using Bayan.Web.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Importing;

/// <summary>An administrator uploads a WordPress export in the back office; the import runs in the background and its page reports.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ImportUploadTests(ImportUploadSite site) : IClassFixture<ImportUploadSite>
{
    private static readonly HtmlParser Parser = new();

    private string ImportsFolder => Path.Combine(site.DataFolder, "imports");

    [Fact]
    public async Task An_uploaded_export_ends_with_its_posts_on_the_public_site_and_its_report_on_the_status_address()
    {
        var office = await site.Seed.OfficeAsync();
        using var admin = await SignedInAsync(administrator: true);

        var response = await UploadAsync(admin, "export.xml", Encoding.UTF8.GetBytes(WordPressFixture.Xml(WordPressFixture.Site())), office.Code);

        var id = await JobOfAsync(response);
        await EndedAsync(id);
        var status = await StatusAsync(admin, id);
        Assert.Equal("finished", status.GetProperty("state").GetString());
        Assert.True(status.GetProperty("ended").GetBoolean());
        var report = status.GetProperty("report").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Contains("Posts: 8 imported, 0 updated, 0 unchanged, 1 skipped", report);
        Assert.Contains("  [gallery]: 10", report);
        Assert.Contains(report, l => l.Contains("2023/10/report.pdf") || l.Contains("no --uploads"));
        Assert.Equal(status.GetProperty("total").GetInt32(), status.GetProperty("done").GetInt32());

        var (_, listing) = await site.Http.GetPageAsync($"/ar/{office.Code}/");
        Assert.Contains(WordPressFixture.ArabicTitle, listing.Body!.TextContent);
        Assert.DoesNotContain("مسودة لم تنشر", listing.Body!.TextContent);

        // The page says the same without script; the upload is gone and the start is in the audit log.
        var page = await admin.PageAsync($"/admin/import/{id}");
        Assert.Contains("Posts: 8 imported", page.QuerySelector(".import-report")!.TextContent);
        Assert.Equal("The import has finished.", page.QuerySelector("[data-field=stateText]")!.TextContent.Trim());
        Assert.Empty(Directory.Exists(ImportsFolder) ? Directory.GetFiles(ImportsFolder) : []);
        Assert.True(await site.Seed.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "import.started" && a.Subject == $"import:{id}")));
    }

    [Fact]
    public async Task An_export_larger_than_other_uploads_may_be_is_taken_by_the_import_page()
    {
        var office = await site.Seed.OfficeAsync();
        using var admin = await SignedInAsync(administrator: true);
        // Beyond the 32 MB every other request may send: the import page's own limit lets it in.
        var xml = WordPressFixture.Xml(WordPressFixture.Site()).Replace("</channel>", $"<!-- {new string('x', 34 * 1024 * 1024)} -->\n</channel>");

        var response = await UploadAsync(admin, "large.xml", Encoding.UTF8.GetBytes(xml), office.Code, dryRun: true);

        var id = await JobOfAsync(response);
        await EndedAsync(id);
        var status = await StatusAsync(admin, id);
        Assert.Equal("finished", status.GetProperty("state").GetString());
        Assert.Equal("The dry run has finished: nothing was written.", status.GetProperty("stateText").GetString());
        Assert.Empty(await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Office.Code == office.Code).ToListAsync()));
    }

    [Fact]
    public async Task A_broken_file_reports_its_error_and_writes_nothing_and_a_file_that_is_no_xml_is_refused_at_once()
    {
        var office = await site.Seed.OfficeAsync();
        using var admin = await SignedInAsync(administrator: true);
        var xml = WordPressFixture.Xml(WordPressFixture.Site());
        var cut = xml[..xml.IndexOf("<wp:post_id>18", StringComparison.Ordinal)];

        var broken = await JobOfAsync(await UploadAsync(admin, "broken.xml", Encoding.UTF8.GetBytes(cut), office.Code));
        await EndedAsync(broken);

        var status = await StatusAsync(admin, broken);
        Assert.Equal("failed", status.GetProperty("state").GetString());
        Assert.Contains($"line {cut.Count(c => c == '\n') + 1}", status.GetProperty("error").GetString());
        Assert.Contains("nothing was imported", status.GetProperty("error").GetString());
        Assert.Empty(await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Office.Code == office.Code).ToListAsync()));
        Assert.Empty(Directory.GetFiles(ImportsFolder));

        var jobs = await site.Seed.WithDbAsync(db => db.ImportJobs.CountAsync());
        foreach (var (bytes, message) in new[]
        {
            ("PK\u0003\u0004 a zip archive"u8.ToArray(), "This is not an XML file"),
            (Array.Empty<byte>(), "The file is empty"),
            ("\uFEFF  \n"u8.ToArray(), "The file is empty"),
        })
        {
            var refused = await UploadAsync(admin, "export.xml", bytes, office.Code);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var page = await Parser.ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
            Assert.StartsWith(message, page.QuerySelector("form p.error")!.TextContent);
        }
        Assert.Equal(jobs, await site.Seed.WithDbAsync(db => db.ImportJobs.CountAsync()));
        Assert.Empty(Directory.GetFiles(ImportsFolder));
    }

    [Fact]
    public async Task A_second_import_is_refused_while_one_runs_and_one_whose_node_stopped_is_interrupted()
    {
        var office = await site.Seed.OfficeAsync();
        using var admin = await SignedInAsync(administrator: true);
        // An import running on another node of the site.
        var running = await site.InScopeAsync(services => services.GetRequiredService<StartImportJob>().RunAsync(Actor.System("another node"),
            new ImportJobForm("elsewhere.xml", "elsewhere.xml", 100, office.Code, null, null, NumberChoice.Assign, false, false), CancellationToken.None));
        var elsewhere = Assert.IsType<Bayan.Operations.Outcome.Done>(running).ReleaseId;
        try
        {
            var form = await admin.PageAsync("/admin/import");
            Assert.Null(form.QuerySelector("input[type=file]"));
            Assert.Contains("An import is running: elsewhere.xml", form.QuerySelector(".notice")!.TextContent);

            var refused = await UploadAsync(admin, "export.xml", Encoding.UTF8.GetBytes(WordPressFixture.Xml(WordPressFixture.Site())), office.Code);

            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var page = await Parser.ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
            Assert.StartsWith("Another import is running (started by another node", page.QuerySelector("p.error")!.TextContent);
            Assert.Empty(Directory.GetFiles(ImportsFolder));
            Assert.Equal("running", (await StatusAsync(admin, elsewhere)).GetProperty("state").GetString());

            // That node stops writing: after two minutes of silence the import is interrupted, and the next one may start.
            site.Clock!.Now += TimeSpan.FromMinutes(3);
            var interrupted = await StatusAsync(admin, elsewhere);
            Assert.Equal("interrupted", interrupted.GetProperty("state").GetString());
            Assert.StartsWith("The import was interrupted", interrupted.GetProperty("stateText").GetString());
            Assert.Contains("Import the same file again", (await admin.PageAsync($"/admin/import/{elsewhere}")).QuerySelector("[data-field=stateText]")!.TextContent);

            var again = await JobOfAsync(await UploadAsync(admin, "export.xml", Encoding.UTF8.GetBytes(WordPressFixture.Xml(WordPressFixture.Site())), office.Code));
            await EndedAsync(again);
            Assert.Equal("finished", (await StatusAsync(admin, again)).GetProperty("state").GetString());
        }
        finally
        {
            await site.InScopeAsync(services => services.GetRequiredService<FinishImportJob>().RunAsync(
                elsewhere, ImportJobState.Interrupted, null, ImportProgress.None, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Someone_who_is_not_an_administrator_is_denied_the_import()
    {
        var office = await site.Seed.OfficeAsync();
        using var editor = await SignedInAsync(administrator: false, office);
        var jobs = await site.Seed.WithDbAsync(db => db.ImportJobs.CountAsync());

        var form = await editor.GetAsync("/admin/import");
        var upload = await UploadAsync(editor, "export.xml", Encoding.UTF8.GetBytes(WordPressFixture.Xml(WordPressFixture.Site())), office.Code);
        var status = await editor.GetAsync("/admin/import/1/status");

        foreach (var response in new[] { form, upload, status })
            Assert.Contains("/admin/denied", response.Headers.Location?.OriginalString ?? response.StatusCode.ToString());
        Assert.Equal(jobs, await site.Seed.WithDbAsync(db => db.ImportJobs.CountAsync()));
        Assert.Null((await editor.PageAsync("/admin")).QuerySelector("a[href='/admin/import']"));
    }

    private async Task<AdminClient> SignedInAsync(bool administrator, Office? office = null)
    {
        var user = await site.Seed.UserAsync(administrator: administrator, offices: office is null ? null : [office.Id]);
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    /// <summary>Posts the import form as a browser sends it: its token and options first, the file last.</summary>
    private async Task<HttpResponseMessage> UploadAsync(AdminClient client, string fileName, byte[] bytes, string office, bool dryRun = false)
    {
        // A refused page (another import runs) has no form, but the sign-out form's token is the same.
        var page = await client.PageAsync("/admin/import");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(office), "OfficeCode" },
            { new StringContent(""), "Language" },
            { new StringContent("assign"), "Numbers" },
            { new StringContent(""), "UploadsDirectory" },
        };
        if (dryRun)
            content.Add(new StringContent("true"), "DryRun");
        content.Add(file, "file", fileName);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = client.Cookies, AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };
        var response = await http.PostAsync("/admin/import", content);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<int> JobOfAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/import/", location);
        return int.Parse(location["/admin/import/".Length..]);
    }

    /// <summary>Waits for the background import to end, as its worker says; the bound only keeps a broken build from hanging.</summary>
    private Task EndedAsync(int id) => site.Services.GetRequiredService<ImportJobQueue>().WhenEndedAsync(id).WaitAsync(TimeSpan.FromMinutes(2));

    private static async Task<JsonElement> StatusAsync(AdminClient client, int id)
    {
        var response = await client.GetAsync($"/admin/import/{id}/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
