using System.Net;
using System.Net.Sockets;
using System.Text;
using Bayan.Tests.Support;
using Bayan.Tests.Users;

namespace Bayan.Tests.Security;

/// <summary>The security review's smaller findings: back-office caching, menu links, the editor's preview.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class HardeningTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Back_office_answers_are_never_kept_by_a_browser_or_proxy()
    {
        using var admin = await site.AdministratorAsync();
        using var stranger = new AdminClient(site.BaseAddress);

        var answers = new List<(string, HttpResponseMessage)>
        {
            ("/admin", await admin.GetAsync("/admin")),
            ("/admin/account", await admin.GetAsync("/admin/account")),
            ("/admin/releases/new", await admin.GetAsync("/admin/releases/new")),
            ("/admin/navigation", await admin.GetAsync("/admin/navigation")),
            ("/admin/no-such-page", await admin.GetAsync("/admin/no-such-page")),
            ("preview", await admin.PostFormAsync("/admin/account", "/admin/preview", [new("markdown", "**Hello**")])),
            ("login", await stranger.GetAsync("/admin/login")),
            ("redirect to login", await stranger.GetAsync("/admin/users")),
        };

        foreach (var (name, response) in answers)
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{name}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_menu_link_with_a_backslash_after_the_slash_is_refused_as_leading_elsewhere()
    {
        using var admin = await site.AdministratorAsync();

        var refused = await admin.PostFormAsync("/admin/navigation", "/admin/navigation?handler=AddMenuItem",
            [new("language", "en"), new("label", "Elsewhere"), new("url", "/\\evil.example/x")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.False(await site.Seed.WithDbAsync(db => Task.FromResult(db.MenuItems.Any(m => m.Url.Contains("evil.example")))));
    }

    [Fact]
    public async Task The_preview_warns_when_the_sanitiser_takes_text_away()
    {
        using var admin = await site.AdministratorAsync();

        var lost = await admin.PostFormAsync("/admin/account", "/admin/preview",
            [new("markdown", "The campaign starts on Sunday.\n\n<script\n\nCentres open at eight.")]);
        var clean = await admin.PostFormAsync("/admin/account", "/admin/preview", [new("markdown", "The campaign starts on **Sunday**.")]);

        var warning = (await lost.DocumentAsync()).QuerySelector(".preview-removed[role=alert]");
        Assert.NotNull(warning);
        Assert.Contains("Part of the text will not be shown to readers", warning.TextContent);
        Assert.Null((await clean.DocumentAsync()).QuerySelector(".preview-removed"));
        Assert.Contains("<strong>Sunday</strong>", await clean.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_plain_400_that_kestrel_writes_itself_carries_the_security_headers()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(site.BaseAddress.Host, site.BaseAddress.Port);
        var stream = tcp.GetStream();
        // A header line without a colon: Kestrel refuses it before any of Bayan's code runs.
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /en/ HTTP/1.1\r\nHost: {site.BaseAddress.Authority}\r\nNot a header\r\n\r\n"));
        var answer = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 400", answer);
        var head = answer[..answer.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.Contains("\r\nX-Content-Type-Options: nosniff", head);
        Assert.Contains("\r\nContent-Security-Policy: default-src 'self'", head);
        Assert.Contains("\r\nX-Frame-Options: DENY", head);
    }
}
