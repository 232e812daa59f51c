using System.Net;
using Bayan.Changes;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.ScaleOut;

/// <summary>Two nodes on one PostgreSQL and one Redis behave as one site.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait(Suite.Category, Suite.Database)]
public sealed class SeveralNodesTests : IAsyncLifetime
{
    private Nodes nodes = null!;

    public async Task InitializeAsync() => nodes = await Nodes.StartAsync();

    public async Task DisposeAsync() => await nodes.DisposeAsync();

    [Fact]
    public async Task A_release_published_on_one_node_is_shown_by_the_other_which_also_hears_of_it()
    {
        var office = await nodes.A.Seed.OfficeAsync();
        var listing = $"/en/{office.Code}/";
        await ScaleOutSteps.PublishedAsync(nodes.A, office, "earlier");
        // Kept in the shared cache (as soon as the changes made by setting up have reached node B).
        Assert.True(await Eventually.TrueAsync(async () =>
            (await nodes.B.Http.GetAsync(listing)).Headers.TryGetValues("X-Cache", out var cache) && cache.Single() == "hit"));

        var id = await ScaleOutSteps.PublishedAsync(nodes.A, office, "news");

        // Node A evicted the shared copies before the publish returned: no waiting for a message.
        Assert.True(await ScaleOutSteps.ShowsAsync(nodes.B, listing, "Statement news 0"),
            "node B did not show at once the release node A published");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(nodes.B.Heard.All.OfType<ContentChange.Release>().Any(r => r.Id == id))),
            "node B's listeners did not hear of the release node A published");
    }

    [Fact]
    public async Task Scheduled_releases_are_published_once_each_with_both_schedulers_running()
    {
        var office = await nodes.A.Seed.OfficeAsync();
        // Due together a little later, so both nodes' schedulers wake to the same list.
        var ids = await ScaleOutSteps.ReleasesAsync(nodes.A, office, "scheduled", 30, DateTime.UtcNow.AddSeconds(3));

        Assert.True(await Eventually.TrueAsync(() => nodes.A.Seed.WithDbAsync(db =>
            db.Releases.Where(r => ids.Contains(r.Id)).AllAsync(r => r.Status == ReleaseStatus.Published)), 300));

        var (numbers, publications) = await nodes.A.Seed.WithDbAsync(async db =>
        {
            var numbers = await db.Releases.Where(r => ids.Contains(r.Id)).Select(r => r.ReferenceNumber).ToListAsync();
            var subjects = ids.Select(id => $"release:{id}").ToList();
            var publications = await db.AuditEntries.Where(a => a.Action == "release.published" && subjects.Contains(a.Subject))
                .GroupBy(a => a.Subject).Select(g => g.Count()).ToListAsync();
            return (numbers, publications);
        });
        Assert.Equal(30, numbers.Where(n => n is not null).Distinct().Count());
        Assert.Equal(30, publications.Count);
        Assert.All(publications, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_sign_in_and_a_form_token_from_one_node_hold_on_the_other()
    {
        using var onA = new AdminClient(nodes.A.BaseAddress);
        Assert.True(await onA.SignInAsync(nodes.Administrator.Email!, Seed.Password));
        // Cookies do not tell ports apart: the same browser, now sent to node B.
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = onA.Cookies, AllowAutoRedirect = false }) { BaseAddress = nodes.B.BaseAddress };

        var dashboard = await onB.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        using var copy = new AdminClient(nodes.A.BaseAddress);
        foreach (Cookie cookie in onA.Cookies.GetAllCookies())
            copy.Cookies.Add(cookie);

        var page = await onA.PageAsync("/admin/account");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"node A's account page has no form token: {page.Title}");
        var signOut = await onB.PostAsync("/admin/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/admin/login", signOut.Headers.Location?.OriginalString);
        // Signed out on B, the session is over on A too: a copy of the cookie opens nothing there.
        Assert.Contains("/admin/login", (await copy.GetAsync("/admin")).Headers.Location?.OriginalString);
    }
}
