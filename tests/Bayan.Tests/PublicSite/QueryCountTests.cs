using Bayan.Comments;
using Microsoft.EntityFrameworkCore;
using Bayan.Tests.Support;

namespace Bayan.Tests.PublicSite;

/// <summary>
/// A page asks the database a fixed, small number of times, however many releases, comments,
/// offices and categories the site has: a query per row would make a large site crawl.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class QueryCountTests(CommandCountingSite site) : IClassFixture<CommandCountingSite>
{
    [Fact]
    public async Task A_release_page_asks_the_same_few_times_with_more_comments_categories_and_tags()
    {
        var office = await site.Seed.OfficeAsync();
        // Both are filed (a release without tags skips the query of tag names); the second has more of everything.
        var plain = await site.Seed.ReleaseAsync(office, category: await site.Seed.CategoryAsync(), tag: await site.Seed.TagAsync());
        var filed = await site.Seed.ReleaseAsync(office, category: await site.Seed.CategoryAsync(), tag: await site.Seed.TagAsync());
        var moreTags = new[] { await site.Seed.TagAsync(), await site.Seed.TagAsync() };
        await site.Seed.WithDbAsync(async db =>
        {
            var tracked = await db.Releases.Include(r => r.Tags).SingleAsync(r => r.Id == filed.Id);
            db.AttachRange(moreTags);
            tracked.Tags.AddRange(moreTags);
            await db.SaveChangesAsync();
        });
        var warm = await site.Seed.ReleaseAsync(office);
        await AddCommentsAsync(filed.Versions[1].Id, 5);
        var plainPath = $"/en/{office.Code}/{plain.Id}/{plain.Versions[1].Slug}";
        var filedPath = $"/en/{office.Code}/{filed.Id}/{filed.Versions[1].Slug}";
        // Another release: this process's copies of these two are still to be read.
        await site.Http.GetAsync($"/en/{office.Code}/{warm.Id}/{warm.Versions[1].Slug}");

        var few = await site.CommandsForAsync(plainPath);
        var many = await site.CommandsForAsync(filedPath);

        Assert.Equal(few, many);
        Assert.InRange(few, 1, 7);
        // Read again while unchanged, from this process's copy (see ReleaseCopies).
        Assert.Equal(0, await site.CommandsForAsync(filedPath));
        Assert.Equal(0, await site.CommandsForAsync($"/ar/{office.Code}/{filed.Id}/{Uri.EscapeDataString(filed.Versions[0].Slug)}"));
    }

    [Fact]
    public async Task The_home_office_and_feed_pages_ask_the_same_few_times_with_more_offices_categories_and_releases()
    {
        var office = await site.Seed.OfficeAsync();
        await site.Seed.ReleaseAsync(office, category: await site.Seed.CategoryAsync());
        await site.Http.GetAsync("/en/");
        var paths = new[] { "/en/", $"/en/{office.Code}/", "/en/feed.atom", $"/en/{office.Code}/feed.atom", "/en/archive/" };
        var before = await CountAllAsync(paths);

        for (var i = 0; i < 3; i++)
        {
            var other = await site.Seed.OfficeAsync();
            var category = await site.Seed.CategoryAsync();
            await site.Seed.ReleaseAsync(other, category: category);
            await site.Seed.ReleaseAsync(office, category: category);
        }
        await site.Http.GetAsync("/en/");
        var after = await CountAllAsync(paths);

        Assert.Equal(before, after);
        Assert.All(after, count => Assert.InRange(count, 1, 4));
    }

    private async Task<int[]> CountAllAsync(string[] paths)
    {
        var counts = new int[paths.Length];
        for (var i = 0; i < paths.Length; i++)
            counts[i] = await site.CommandsForAsync(paths[i]);
        return counts;
    }

    private Task AddCommentsAsync(int versionId, int count) => site.Seed.WithDbAsync(async db =>
    {
        for (var i = 0; i < count; i++)
        {
            db.Comments.Add(new Comment
            {
                ReleaseVersionId = versionId, Name = $"Reader {i}", Email = "reader@example.org", Text = $"Comment {i}",
                Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync();
    });
}
