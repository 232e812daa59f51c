using Bayan.Audit;
using Bayan.Comments;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Admin;

/// <summary>The audit log speaks the reader's language and tells time on the site's clock, by its name.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class AuditLogTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<AdminClient> AdministratorAsync(string language)
    {
        var user = await site.Seed.UserAsync(administrator: true);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language)));
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    [Theory]
    [InlineData("ar", "بتوقيت مكة المكرمة", "الوقت (بتوقيت مكة المكرمة)", "نشر بيان")]
    [InlineData("en", "Makkah time", "Time (Makkah time)", "Release published")]
    public async Task Actions_are_named_in_the_readers_language_and_times_are_on_the_sites_clock(string language, string clockName, string header, string action)
    {
        await site.Seed.WithDbAsync(db => db.SiteLanguages.Where(l => l.Code == language).ExecuteUpdateAsync(s => s.SetProperty(l => l.ClockName, clockName)));
        var subject = $"release:{Random.Shared.Next(1_000_000, 9_000_000)}";
        await site.Seed.WithDbAsync(async db =>
        {
            AuditLog.Record(db, new DateTime(2026, 12, 7, 9, 30, 15, DateTimeKind.Utc), "Mona", "release.published", subject, "W-1448-021");
            await db.SaveChangesAsync();
        });
        using var admin = await AdministratorAsync(language);

        var page = await admin.PageAsync($"/admin/audit?subject={Uri.EscapeDataString(subject)}");

        Assert.Equal(header, page.QuerySelector("table.audit th")!.TextContent);
        var row = page.QuerySelector("table.audit tbody tr")!;
        // Riyadh is three hours ahead of UTC all year.
        Assert.Equal("2026-12-07 12:30:15", row.QuerySelector("time")!.TextContent);
        Assert.Equal("2026-12-07T12:30:15+03:00", row.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.DoesNotContain("UTC", row.TextContent);
        Assert.Equal(action, row.QuerySelector(".audit-action")!.TextContent);
    }

    [Fact]
    public async Task Without_a_clock_name_the_zone_names_itself_and_the_action_filter_lists_names()
    {
        await site.Seed.WithDbAsync(db => db.SiteLanguages.Where(l => l.Code == "tr").ExecuteUpdateAsync(s => s.SetProperty(l => l.ClockName, "")));
        using var admin = await AdministratorAsync("tr");

        var page = await admin.PageAsync("/admin/audit");

        Assert.Equal("Zaman (Asia/Riyadh)", page.QuerySelector("table.audit th")!.TextContent);
        Assert.Contains("Bülten yayımlandı", page.QuerySelectorAll("#action option").Select(o => o.TextContent));
    }
}

public sealed class AuditActionTests
{
    [Fact]
    public void Every_action_has_a_name_and_unknown_codes_show_as_themselves()
    {
        Assert.All(AuditActions.Known, action => Assert.True(AuditActions.IsNamed(action), $"'{action}' has no name in the catalogue."));
        Assert.All(Enum.GetValues<Moderation>(), m => Assert.Contains($"comment.{m.ToString().ToLowerInvariant()}", AuditActions.Known));
        Assert.Equal("Comment approved", AuditActions.NameIn("comment.approve", "en"));
        Assert.Equal("some.future-action", AuditActions.NameIn("some.future-action", "ar"));
    }
}
