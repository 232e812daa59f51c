using Bayan.Data;
using Bayan.Tests.Support;
using Bayan.Web.Cli;
using Bayan.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Startup;

/// <summary>
/// A site made before tags had names per language and notes belonged to versions keeps them: each tag
/// is named in the language most of its releases were written in, and each note moves to the original.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ContentUpgradeTests : IAsyncLifetime
{
    private const string Migration = "OfficeSignatureTagNamesVersionNotes";
    private Dictionary<string, string?> settings = [];

    public async Task InitializeAsync() =>
        settings = await TestDatabase.CreateAsync(Path.Combine(Path.GetTempPath(), "bayan-tests", Guid.NewGuid().ToString("N")));

    public Task DisposeAsync() => TestDatabase.DropAsync(settings);

    [Fact]
    public async Task Tags_and_notes_of_an_older_site_survive_the_upgrade()
    {
        await using var app = BayanWebApp.Build(BayanArgs.Of(settings));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BayanDb>();
        var known = db.Database.GetMigrations().ToList();
        var before = known[known.FindIndex(m => m.EndsWith("_" + Migration, StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(before);
        // As the older Bayan stored them: one name a tag, and the notes on the release.
        foreach (var sql in new[]
        {
            """INSERT INTO "Offices" ("Id", "Code", "DefaultLanguage", "TimeZone", "HijriAdjustment", "NumberingPattern", "Position") VALUES (1, 'health', 'ar', 'Asia/Riyadh', 0, '{{seq:2}}', 0)""",
            """
            INSERT INTO "Releases" ("Id", "OfficeId", "Type", "OriginalLanguage", "Status", "CreatedAt", "UpdatedAt", "CommentsClosed", "CorrectionNote", "RetractionNote") VALUES
                (1, 1, 'PressRelease', 'ar', 'Published', '2024-01-01 00:00:00', '2024-01-01 00:00:00', false, 'صُحّح التاريخ.', NULL),
                (2, 1, 'PressRelease', 'ar', 'Retracted', '2024-01-01 00:00:00', '2024-01-01 00:00:00', false, NULL, 'صدر خطأً.'),
                (3, 1, 'PressRelease', 'en', 'Published', '2024-01-01 00:00:00', '2024-01-01 00:00:00', false, NULL, NULL)
            """,
            """
            INSERT INTO "ReleaseVersions" ("Id", "ReleaseId", "Language", "Title", "Slug", "Summary", "Body", "BodyHtml", "ConcurrencyVersion", "UpdatedAt") VALUES
                (1, 1, 'ar', 'بيان', 'بيان', '', '', '', 0, '2024-01-01 00:00:00'),
                (2, 1, 'en', 'Statement', 'statement', '', '', '', 0, '2024-01-01 00:00:00'),
                (3, 2, 'ar', 'بيان آخر', 'بيان-آخر', '', '', '', 0, '2024-01-01 00:00:00'),
                (4, 3, 'en', 'News', 'news', '', '', '', 0, '2024-01-01 00:00:00')
            """,
            """INSERT INTO "Tags" ("Id", "Name", "Slug") VALUES (1, 'تطعيم', 'تطعيم'), (2, 'students', 'students')""",
            """INSERT INTO "ReleaseTags" ("ReleaseId", "TagsId") VALUES (1, 1), (2, 1), (3, 1), (3, 2)""",
        })
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        await migrator.MigrateAsync();

        var names = await db.TagNames.AsNoTracking().OrderBy(n => n.TagId).Select(n => $"{n.TagId}:{n.Language}:{n.Name}:{n.Slug}").ToListAsync();
        Assert.Equal(["1:ar:تطعيم:تطعيم", "2:en:students:students"], names);
        var notes = await db.ReleaseVersions.AsNoTracking().OrderBy(v => v.Id).Select(v => $"{v.Id}:{v.CorrectionNote}:{v.RetractionNote}").ToListAsync();
        Assert.Equal(["1:صُحّح التاريخ.:", "2::", "3::صدر خطأً.", "4::"], notes);
    }
}
