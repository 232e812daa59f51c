using Bayan.Comments;
using Bayan.Releases;
using Bayan.Rendering;
using Bayan.Sites;
using Bayan.Tags;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.PublicSite;

/// <summary>
/// Numbers, dates and text of another language keep their own order and direction on Arabic and
/// English pages, in the HTML and in feeds' text. (What Chromium paints is in Browser/BidiPaintingTests.)
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class BidiTests(TestSite site) : IClassFixture<TestSite>
{
    private static string PathOf(Release release, string lang) =>
        $"/{lang}/{release.Office.Code}/{release.Id}/{release.Versions.Single(v => v.Language == lang).Slug}";

    private async Task<SiteDatesOutcome> ChangeAsync(SiteDatesChange change) =>
        await site.InScopeAsync(s => s.GetRequiredService<UpdateSiteDates>().RunAsync(change, "tests", CancellationToken.None));

    [Fact]
    public async Task A_reference_number_is_isolated_left_to_right_in_western_digits_unless_the_site_chose_the_language_digits()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, number: "W-1448-021");

        var (_, page) = await site.Http.GetPageAsync(PathOf(release, "ar"));
        var (_, listing) = await site.Http.GetPageAsync($"/ar/{office.Code}/");

        Assert.Equal("W-1448-021", page.QuerySelector("article.release .number bdi[dir=ltr]")!.TextContent);
        Assert.Equal("W-1448-021", listing.QuerySelector(".card .number bdi[dir=ltr]")!.TextContent);
        try
        {
            Assert.True((await ChangeAsync(new SiteDatesChange(NumbersInLanguageDigits: true))).Changed);

            (_, page) = await site.Http.GetPageAsync(PathOf(release, "ar"));
            (_, listing) = await site.Http.GetPageAsync($"/ar/{office.Code}/");
            var (_, english) = await site.Http.GetPageAsync(PathOf(release, "en"));

            Assert.Equal("W-\u200E١٤٤٨-\u200E٠٢١", page.QuerySelector("article.release .number bdi[dir=ltr]")!.TextContent);
            Assert.Equal("W-\u200E١٤٤٨-\u200E٠٢١", listing.QuerySelector(".card .number bdi[dir=ltr]")!.TextContent);
            Assert.Equal("W-1448-021", english.QuerySelector("article.release .number bdi[dir=ltr]")!.TextContent);
        }
        finally
        {
            await ChangeAsync(new SiteDatesChange(NumbersInLanguageDigits: false));
        }
    }

    [Fact]
    public async Task A_feed_isolates_the_reference_number_in_its_text()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office, number: "021/RYD");

        var atom = await site.Http.GetStringAsync($"/ar/{office.Code}/feed.atom");

        // Without the isolate, "021/RYD" inside Arabic text paints as "RYD/021".
        Assert.Contains("رقم \u2066021/RYD\u2069", atom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_are_separated_by_no_dot_or_bar_and_each_date_is_unbreakable()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office, publishAt: new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc));

        var (_, listing) = await site.Http.GetPageAsync($"/ar/{office.Code}/");
        var (_, page) = await site.Http.GetPageAsync(PathOf(release, "ar"));

        var card = listing.QuerySelector(".card .dateline")!.TextContent;
        Assert.DoesNotContain('·', card);
        Assert.Equal("٢٧\u00A0جمادى\u00A0الآخرة\u00A0١٤٤٨\u00A0هـ — ٧\u00A0ديسمبر\u00A0٢٠٢٦\u00A0م", listing.QuerySelector(".card .dateline time")!.TextContent);
        Assert.DoesNotContain('·', page.QuerySelector("article.release .dateline")!.TextContent);
        Assert.DoesNotContain('|', page.QuerySelector(".today")!.TextContent);
        Assert.DoesNotContain('·', page.QuerySelector(".today")!.TextContent);
    }

    [Fact]
    public async Task A_correction_note_written_only_in_arabic_carries_its_own_lang_and_dir_on_the_english_page()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        await site.Seed.WithDbAsync(db => db.ReleaseVersions.Where(v => v.ReleaseId == release.Id && v.Language == "ar")
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.CorrectionNote, "صُحّح عدد المدارس.")));
        await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CorrectedAt, DateTime.UtcNow)));

        var (_, english) = await site.Http.GetPageAsync(PathOf(release, "en"));

        var note = english.QuerySelector("article.release .correction span")!;
        Assert.Equal(("ar", "rtl", "صُحّح عدد المدارس."), (note.GetAttribute("lang"), note.GetAttribute("dir"), note.TextContent));
    }

    [Fact]
    public async Task A_retraction_reason_carries_the_language_it_was_written_in()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        await site.Seed.WithDbAsync(db => db.ReleaseVersions.Where(v => v.ReleaseId == release.Id && v.Language == "ar")
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.RetractionNote, "سُحب البيان لخطأ في الأرقام.")));
        await site.Seed.WithDbAsync(db => db.Releases.Where(r => r.Id == release.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ReleaseStatus.Retracted)
            .SetProperty(r => r.RetractedAt, DateTime.UtcNow)));

        var (_, english) = await site.Http.GetPageAsync(PathOf(release, "en"));

        var note = english.QuerySelector(".retracted .note")!;
        Assert.Equal(("ar", "rtl"), (note.GetAttribute("lang"), note.GetAttribute("dir")));
    }

    [Fact]
    public async Task A_comment_in_another_script_is_marked_as_such_and_one_in_the_page_language_as_that()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var englishVersion = release.Versions.Single(v => v.Language == "en");
        await site.Seed.WithDbAsync(async db =>
        {
            db.Comments.AddRange(
                new Comment { ReleaseVersionId = englishVersion.Id, Name = "قارئ", Email = "a@example.org", Text = "شكراً على البيان!", Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow.AddMinutes(-2) },
                new Comment { ReleaseVersionId = englishVersion.Id, Name = "Reader", Email = "b@example.org", Text = "Thank you!", Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow.AddMinutes(-1) });
            await db.SaveChangesAsync();
        });

        var (_, page) = await site.Http.GetPageAsync(PathOf(release, "en"));

        var texts = page.QuerySelectorAll(".comment .text").Select(t => (t.GetAttribute("lang"), t.GetAttribute("dir"))).ToList();
        Assert.Equal([("", "rtl"), ("en", "ltr")], texts);
    }

    [Fact]
    public async Task Each_block_of_a_release_body_takes_its_own_direction_also_in_bodies_saved_before()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.Seed.ReleaseAsync(office);
        var english = release.Versions.Single(v => v.Language == "en");
        // As a body saved by an older Bayan was stored.
        await site.Seed.WithDbAsync(db => db.ReleaseVersions.Where(v => v.Id == english.Id).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.Body, "The minister quoted:\n\n> وَقُل رَّبِّ زِدْنِي عِلْمًا")
            .SetProperty(v => v.BodyHtml, "<p>The minister quoted:</p>\n<blockquote>\n<p>وَقُل رَّبِّ زِدْنِي عِلْمًا</p>\n</blockquote>\n")));
        var concurrency = await site.Seed.WithDbAsync(db => db.ReleaseVersions.Where(v => v.Id == english.Id).Select(v => v.ConcurrencyVersion).SingleAsync());

        await site.Seed.WithDbAsync(db => RenderedBodies.RenderAgainAsync(db, CancellationToken.None));
        var (_, page) = await site.Http.GetPageAsync(PathOf(release, "en"));

        Assert.Equal(["auto", "auto", "auto"], page.QuerySelectorAll("article.release .body p, article.release .body blockquote").Select(e => e.GetAttribute("dir")));
        Assert.Equal(concurrency, await site.Seed.WithDbAsync(db => db.ReleaseVersions.Where(v => v.Id == english.Id).Select(v => v.ConcurrencyVersion).SingleAsync()));
    }
}
