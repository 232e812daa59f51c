using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Comments;
using Bayan.Embargo;
using Bayan.Media;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Bayan.Web.Cli;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Exporting;

/// <summary>
/// The way from one machine to several nodes: a site on SQLite exported, imported into the suite's database
/// (PostgreSQL in its PostgreSQL run), exported again. The two exports are the same files, and every public
/// page of the two sites the same bytes.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ExportRoundTripTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2024, 11, 21, 9, 30, 0, TimeSpan.Zero);

    private readonly ExportTestSite source = new(onSqlite: true, demo: true) { Clock = new ManualClock(Now) };
    private readonly ExportTestSite target = new(onSqlite: false, demo: false) { Clock = new ManualClock(Now) };
    private readonly string first = Folder("first");
    private readonly string second = Folder("second");

    public async Task InitializeAsync()
    {
        await source.InitializeAsync();
        await target.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        await target.DisposeAsync();
        foreach (var folder in new[] { first, second })
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_site_moved_to_another_database_is_the_same_site()
    {
        var extras = await AddWhatTheDemoLacksAsync();

        var exported = await RunAsync(source, "export", "--to", first);
        Assert.True(exported.Exit == 0, exported.Error);
        var imported = await RunAsync(target, "import", "bayan", first);
        Assert.True(imported.Exit == 0, imported.Error);
        var again = await RunAsync(target, "export", "--to", second);
        Assert.True(again.Exit == 0, again.Error);

        // The same files, byte for byte; the manifest differs only in when it was written.
        var files = Files(first);
        Assert.Equal(files, Files(second));
        foreach (var file in files.Where(f => f != "manifest.json"))
        {
            var (one, other) = (await File.ReadAllBytesAsync(Path.Combine(first, file)), await File.ReadAllBytesAsync(Path.Combine(second, file)));
            Assert.True(Same(one, other), $"{file} differs");
        }
        Assert.Equal(await ManifestWithoutTimeAsync(first), await ManifestWithoutTimeAsync(second));

        // Every public page the same bytes.
        var pages = await PublicPages.FindAsync(source.Http, limit: 800);
        Assert.True(pages.Count > 100, $"only {pages.Count} public pages found");
        Assert.Contains(pages, p => p.StartsWith("/media/", StringComparison.Ordinal));
        foreach (var page in pages)
        {
            var (expected, actual) = (await PublicPages.FetchAsync(source.Http, page), await PublicPages.FetchAsync(target.Http, page));
            Assert.True(expected == actual, $"{page} differs on the new site:\n{Difference(expected, actual)}\n{target.Errors}");
        }

        // What is not a page: the password, the API token, the search index and the next id.
        using var admin = new AdminClient(target.BaseAddress);
        Assert.True(await admin.SignInAsync(extras.Email, Seed.Password));
        using var api = new HttpClient { BaseAddress = target.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", extras.Token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/users")).StatusCode);
        var search = "/en/search?q=" + Uri.EscapeDataString(extras.SearchWord);
        var found = await PublicPages.FetchAsync(target.Http, search);
        Assert.Contains(extras.SearchLink, found);
        Assert.Equal(await PublicPages.FetchAsync(source.Http, search), found);
        var office = await target.Seed.WithDbAsync(db => db.Offices.FirstAsync());
        var newest = await target.Seed.ReleaseAsync(office, title: "after-the-move");
        Assert.True(newest.Id > extras.HighestReleaseId);
    }

    private sealed record Extras(string Email, string Token, string SearchWord, string SearchLink, int HighestReleaseId);

    /// <summary>What `bayan demo` does not make: an account, a token, a reply to a comment, an embargo link, a file, a webhook, a category under a newer one.</summary>
    private async Task<Extras> AddWhatTheDemoLacksAsync()
    {
        var user = await source.Seed.UserAsync(administrator: true);
        var (token, _) = await source.InScopeAsync(s => s.GetRequiredService<CreateToken>()
            .RunAsync(Actor.System("tests"), user.Id, new TokenRequest("moving", [TokenScope.Admin], null), CancellationToken.None));
        var older = await source.Seed.CategoryAsync();
        var newer = await source.Seed.CategoryAsync();
        var secret = source.Services.GetRequiredService<WebhookSecretVault>().Protect(WebhookSecret.New());
        return await source.Seed.WithDbAsync(async db =>
        {
            var at = Now.UtcDateTime;
            (await db.Categories.SingleAsync(c => c.Id == older.Id)).ParentId = newer.Id;
            var release = await db.Releases.Include(r => r.Versions).Include(r => r.Office).Where(r => r.ReferenceNumber != null).OrderBy(r => r.Id).FirstAsync();
            var version = release.Versions.Single(v => v.Language == "en");
            var comment = new Comment { ReleaseVersionId = version.Id, Name = "Reader", Email = "reader@example.org", Text = "A question.", Status = CommentStatus.Approved, CreatedAt = at.AddMinutes(-20) };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            db.Comments.Add(new Comment { ReleaseVersionId = version.Id, ParentId = comment.Id, Name = "Office", Email = "office@example.org", Text = "An answer.", Status = CommentStatus.Approved, CreatedAt = at.AddMinutes(-10) });
            db.EmbargoLinks.Add(new EmbargoLink { ReleaseId = release.Id, TokenHash = new string('a', 64), Label = "Wire agencies", CreatedBy = "tests", CreatedAt = at });
            var media = new MediaItem
            {
                Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Kind = "pdf", FileName = "statement.pdf", ContentType = "application/pdf",
                Bytes = 5, Url = "/media/2024/11/statement.pdf", UploadedBy = "tests", CreatedAt = at,
            };
            db.Media.Add(media);
            db.ReleaseAttachments.Add(new ReleaseAttachment { ReleaseId = release.Id, MediaId = media.Id, Position = 0 });
            db.WebhookEndpoints.Add(new WebhookEndpoint { Url = "https://hooks.example.org/bayan", Secret = secret, Events = "release.published", CreatedAt = at, UpdatedAt = at });
            AuditLog.Record(db, at, "tests", "export.prepared", "site");
            await db.SaveChangesAsync();
            var file = Path.Combine(source.DataFolder, "media", "2024", "11", "statement.pdf");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, System.Text.Encoding.ASCII.GetBytes("%PDF-"));
            var title = version.Title;
            return new Extras(user.Email!, token!.Secret, title.Split(' ').OrderByDescending(w => w.Length).First(),
                $"/en/{release.Office.Code}/{release.Id}/", await db.Releases.MaxAsync(r => r.Id));
        });
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(ExportTestSite site, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await BayanCommandLine.RunAsync([.. args, .. site.CommandLineSwitches(), "--Logging:LogLevel:Default", "Warning"],
            new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Where two pages part, with some text around.</summary>
    private static string Difference(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
            at++;
        var from = Math.Max(0, at - 200);
        return $"expected: {expected[from..Math.Min(expected.Length, at + 200)]}\nactual:   {actual[from..Math.Min(actual.Length, at + 200)]}";
    }

    private static bool Same(byte[] one, byte[] other) => one.AsSpan().SequenceEqual(other);

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static async Task<string> ManifestWithoutTimeAsync(string folder)
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")))!.AsObject();
        Assert.True(manifest.Remove("exportedAt"));
        return manifest.ToJsonString();
    }

    private static string Folder(string name) => Path.Combine(Path.GetTempPath(), "bayan-tests", $"export-{name}-{Guid.NewGuid():N}");
}
