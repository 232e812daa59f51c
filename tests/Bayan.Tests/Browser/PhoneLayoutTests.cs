using Bayan.Audit;
using Bayan.Comments;
using Bayan.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bayan.Tests.Browser;

/// <summary>The back office on a phone, 390 CSS pixels wide: no page scrolls sideways and every navigation link can be reached.</summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class PhoneLayoutTests(TestSite site, Support.Browser browser) : IClassFixture<TestSite>, IClassFixture<Support.Browser>
{
    private const int PhoneWidth = 390;

    private string Url(string path) => new Uri(site.BaseAddress, path).AbsoluteUri;

    /// <summary>Every back-office page by its route, with an address that shows it filled with data.</summary>
    private async Task<Dictionary<string, string[]>> PagesAsync()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, title: "a-rather-long-title-without-any-spaces-to-break-it-" + Guid.NewGuid().ToString("N"));
        var user = await site.Seed.UserAsync(moderator: true, offices: [office.Id]);
        await site.Seed.WithDbAsync(async db =>
        {
            var version = await db.ReleaseVersions.FirstAsync(v => v.ReleaseId == release.Id && v.Language == "en");
            db.Comments.Add(new Comment
            {
                ReleaseVersionId = version.Id, Name = "A reader with a long name", Email = "a.reader.with.a.very.long.address@newsroom.example.org",
                Text = "https://example.org/a/very/long/address/that/a/reader/pasted/without/any/spaces/at/all/in/it", CreatedAt = DateTime.UtcNow,
            });
            AuditLog.Record(db, DateTime.UtcNow, "Administrator", "release.published", $"release:{release.Id}", "categories 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25");
            await db.SaveChangesAsync();
        });
        var webhook = await site.Seed.WithDbAsync(async db =>
        {
            var endpoint = new Bayan.Webhooks.WebhookEndpoint
            {
                Url = "https://partner.example.org/a/rather/long/address/for/receiving/webhooks/without/any/break?token=" + Guid.NewGuid().ToString("N"),
                Secret = Bayan.Webhooks.WebhookSecret.New(), Events = string.Join(' ', Bayan.Webhooks.WebhookEventTypes.Chosen),
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Enabled = false, DisabledAt = DateTime.UtcNow, DisabledReason = "webhook_disabled_failing",
            };
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
            var message = new Bayan.Webhooks.WebhookMessage
            {
                MessageId = "msg_" + Guid.NewGuid().ToString("N"), Type = "release.published", CreatedAt = DateTime.UtcNow,
                Payload = "{\"type\":\"release.published\",\"data\":{\"url\":\"https://news.example.org/ar/a-rather-long-office/1/a-very-long-slug-without-any-spaces-in-it-at-all\"}}",
            };
            db.WebhookDeliveries.Add(new Bayan.Webhooks.WebhookDelivery { Message = message, EndpointId = endpoint.Id, CreatedAt = DateTime.UtcNow, DueAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return endpoint.Id;
        });
        var media = await site.Seed.WithDbAsync(async db =>
        {
            var item = new Bayan.Media.MediaItem
            {
                Id = Guid.NewGuid(), Kind = "Pdf", FileName = "a-rather-long-file-name-without-any-spaces-to-break-it-" + Guid.NewGuid().ToString("N") + ".pdf",
                ContentType = "application/pdf", Bytes = 1000, Url = "/media/statement.pdf", UploadedBy = "tests", CreatedAt = DateTime.UtcNow,
            };
            db.Media.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
        var import = await ImportJobAsync(office.Code);
        await site.Seed.WithDbAsync(async db =>
        {
            var from = "/old-site/a-rather-long-path-without-any-spaces-to-break-it-" + Guid.NewGuid().ToString("N");
            db.Add(new Bayan.Redirects.Redirect { From = from, FromKey = from, To = "https://partner.example.org/a/rather/long/address/without/any/break/" + Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        return new()
        {
            ["admin"] = ["/admin"],
            ["admin/account"] = ["/admin/account"],
            ["admin/account/tokens"] = ["/admin/account/tokens"],
            ["admin/audit"] = ["/admin/audit"],
            ["admin/backup"] = ["/admin/backup"],
            ["admin/categories"] = ["/admin/categories"],
            ["admin/comments"] = ["/admin/comments"],
            ["admin/denied"] = ["/admin/denied"],
            ["admin/import"] = ["/admin/import"],
            ["admin/import/{id:int}"] = [$"/admin/import/{import}"],
            ["admin/login"] = ["/admin/login"],
            ["admin/logout"] = ["/admin/logout"],
            ["admin/media"] = ["/admin/media"],
            ["admin/media/{id:guid}"] = [$"/admin/media/{media}"],
            ["admin/navigation"] = ["/admin/navigation"],
            ["admin/offices"] = ["/admin/offices"],
            ["admin/offices/new"] = ["/admin/offices/new"],
            ["admin/offices/{id:int}"] = [$"/admin/offices/{office.Id}"],
            ["admin/pages"] = ["/admin/pages"],
            ["admin/password"] = ["/admin/password?user=1&token=not-a-token"],
            ["admin/redirects"] = ["/admin/redirects"],
            ["admin/releases/new"] = ["/admin/releases/new"],
            ["admin/releases/{id:int}"] = [$"/admin/releases/{release.Id}"],
            ["admin/releases/{id:int}/{lang}"] = [$"/admin/releases/{release.Id}/ar", $"/admin/releases/{release.Id}/en", $"/admin/releases/{release.Id}/tr"],
            ["admin/releases/{id:int}/{lang}/revisions"] = [$"/admin/releases/{release.Id}/ar/revisions"],
            ["admin/settings"] = ["/admin/settings"],
            ["admin/setup"] = ["/admin/setup"],
            ["admin/tags"] = ["/admin/tags"],
            ["admin/tokens"] = ["/admin/tokens"],
            ["admin/users"] = ["/admin/users"],
            ["admin/users/new"] = ["/admin/users/new"],
            ["admin/users/{id:int}"] = [$"/admin/users/{user.Id}"],
            ["admin/webhooks"] = ["/admin/webhooks"],
            ["admin/webhooks/new"] = ["/admin/webhooks/new"],
            ["admin/webhooks/{id:int}"] = [$"/admin/webhooks/{webhook}"],
            ["admin/webhooks/{id:int}/deliveries"] = [$"/admin/webhooks/{webhook}/deliveries"],
        };
    }

    /// <summary>An import that ended with a report of every kind of line, long file names among them.</summary>
    private async Task<int> ImportJobAsync(string office)
    {
        using var scope = site.Services.CreateScope();
        var started = await scope.ServiceProvider.GetRequiredService<Bayan.Importing.Jobs.StartImportJob>().RunAsync(Bayan.Accounts.Actor.System("tests"),
            new("a-rather-long-export-file-name-without-any-spaces-" + Guid.NewGuid().ToString("N") + ".xml", Guid.NewGuid().ToString("N"), 1000, office,
                null, null, Bayan.Importing.NumberChoice.Assign, false, false), CancellationToken.None);
        var id = Assert.IsType<Bayan.Operations.Outcome.Done>(started).ReleaseId;
        var report = new Bayan.Importing.ImportReport(false);
        report.Of("post").Imported = 1200;
        report.Skip("comment", "102", new Bayan.Operations.Problem("import_comment_spam"));
        report.MissingFiles.Add(("31", "2023/10/a-very-long-file-name-of-a-scanned-statement-without-any-spaces-in-it-at-all.pdf"));
        report.Shortcode("gallery", "10");
        await scope.ServiceProvider.GetRequiredService<Bayan.Importing.Jobs.FinishImportJob>().RunAsync(
            id, Bayan.Importing.Jobs.ImportJobState.Finished, report, new("Publishing", 1200, 1200, 950.5), CancellationToken.None);
        return id;
    }

    [Fact]
    public async Task The_test_visits_every_back_office_page()
    {
        var routes = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r == "admin" || r.StartsWith("admin/", StringComparison.Ordinal))
            .ToHashSet();

        var visited = (await PagesAsync()).Keys.ToHashSet();

        Assert.Empty(routes.Except(visited));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task At_390_pixels_no_back_office_page_scrolls_sideways_and_the_navigation_is_reachable(string language)
    {
        var pages = await PagesAsync();
        var admin = await site.Seed.UserAsync(administrator: true);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language)));
        var (page, _) = await browser.OpenAsync(PhoneWidth, 844);
        var wide = new List<string>();

        // Signed out first: the sign-in page itself.
        await page.GotoAsync(Url("/admin/login"));
        await MeasureAsync(page, "/admin/login (signed out)", wide);
        await page.FillAsync("#Email", admin.Email!);
        await page.FillAsync("#Password", Seed.Password);
        await page.ClickAsync("button.primary");
        Assert.Equal(language == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));

        await NavigationIsReachableAsync(page, language);
        foreach (var path in pages.Values.SelectMany(p => p))
        {
            await page.GotoAsync(Url(path));
            await MeasureAsync(page, path, wide);
            // Every back-office page as a phone shows it, to look at after a change (TestResults/screenshots/phone).
            await Support.Browser.ScreenshotAsync(page, $"phone/{language}-{Named(path)}");
        }
        Assert.True(wide.Count == 0, $"Pages wider than {PhoneWidth} px in {language}:\n{string.Join("\n", wide)}");
    }

    private static async Task MeasureAsync(IPage page, string path, List<string> wide)
    {
        var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (width[0] > width[1])
        {
            // Name what sticks out, so the failure says where to look.
            var culprits = await page.EvaluateAsync<string[]>(@"(limit) => [...document.body.querySelectorAll('*')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > limit + 1 || r.left < -1); })
                .slice(-4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().width) + 'px')", width[1]);
            wide.Add($"{path}: {width[0]} px ({string.Join(", ", culprits)})");
            await Support.Browser.ScreenshotAsync(page, "phone-wide-" + Named(path), fullPage: true);
        }
    }

    private static string Named(string path) => string.Concat(path.Where(char.IsLetterOrDigit));

    private static async Task NavigationIsReachableAsync(IPage page, string language)
    {
        var links = page.Locator("header.admin-bar a, header.admin-bar button");
        var count = await links.CountAsync();
        Assert.True(count >= 10, $"An administrator should see the whole navigation, found {count} links.");
        for (var i = 0; i < count; i++)
        {
            var link = links.Nth(i);
            // A link in a closed menu is reached by opening it, as a person would.
            if (!await link.IsVisibleAsync() && await page.Locator("header.admin-bar summary").CountAsync() > 0)
                await page.Locator("header.admin-bar summary").ClickAsync();
            Assert.True(await link.IsVisibleAsync(), $"Link {i} of the navigation is hidden ({language}).");
            var box = (await link.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth + 0.5, $"'{await link.InnerTextAsync()}' lies outside the screen at x={box.X} ({language}).");
        }
        await Support.Browser.ScreenshotAsync(page, $"admin-phone-{language}", fullPage: true);
    }
}
