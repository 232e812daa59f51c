using System.Data.Common;
using Bayan.Data;
using Bayan.Importing;
using Bayan.Importing.WordPress;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Importing;

/// <summary>
/// An import killed at any point (kill -9, a power cut) and run again: nothing made twice, no release left behind
/// that no record of the import knows (an invisible orphan draft), and the same site as an import never stopped.
/// The process "dies" before a chosen SQL command: that command and every later one fail, and what was not committed
/// is lost, as SQLite and PostgreSQL lose an uncommitted transaction.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class WordPressStopTests(WordPressStopTests.DyingSite site) : IClassFixture<WordPressStopTests.DyingSite>
{
    /// <summary>A site whose database commands fail from a chosen one on, as a process killed there would send none.</summary>
    public sealed class DyingSite : TestSite
    {
        private readonly Dying dying = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.ConfigureDbContext<SqliteBayanDb>(db => db.AddInterceptors(dying));
            services.ConfigureDbContext<PostgresBayanDb>(db => db.AddInterceptors(dying));
        }

        /// <summary>The commands sent while <paramref name="work"/> ran, when the process dies at none.</summary>
        public async Task<int> CountAsync(Func<Task> work)
        {
            Dying.Watched.Value = true;
            dying.Sent = 0;
            dying.DiesAt = null;
            await work();
            return dying.Sent;
        }

        /// <summary>Runs <paramref name="work"/> until it sends its <paramref name="command"/>-th command, which fails with every later one.</summary>
        public async Task DieAtAsync(int command, Func<Task> work)
        {
            Dying.Watched.Value = true;
            dying.Sent = 0;
            dying.DiesAt = command;
            try
            {
                await Assert.ThrowsAnyAsync<Exception>(work);
            }
            finally
            {
                dying.DiesAt = null;
            }
        }
    }

    private sealed class Dying : DbCommandInterceptor
    {
        /// <summary>Set in the test's flow: the site's background services (scheduler, webhooks) send commands of their own.</summary>
        public static readonly AsyncLocal<bool> Watched = new();

        public int Sent;
        public int? DiesAt;

        private void Next()
        {
            if (Watched.Value && Interlocked.Increment(ref Sent) >= DiesAt)
                throw new OperationCanceledException("killed");
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Next();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Next();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Next();
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Next();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Next();
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Next();
            return ValueTask.FromResult(result);
        }
    }

    private async Task<ImportReport> ImportAsync(string xml, string office)
    {
        using var scope = site.Services.CreateScope();
        // Two items a batch: a run dies with some batches committed and one open.
        scope.ServiceProvider.GetRequiredService<ImportBatch>().Size = 2;
        var report = await scope.ServiceProvider.GetRequiredService<ImportWordPress>().RunAsync(() => Wxr.Stream(xml),
            new WordPressImportOptions(office), new Progress<(string, int, int)>(), CancellationToken.None);
        Assert.Null(report.Error);
        return report;
    }

    /// <summary>What readers and editors would find of the office: each release's versions, status and comments.</summary>
    private Task<List<string>> SiteOfAsync(string office) => site.Seed.WithDbAsync(async db =>
        (await db.Releases.AsNoTracking().Where(r => r.Office.Code == office)
            .Select(r => new
            {
                r.Status,
                r.Sequence,
                Versions = r.Versions.OrderBy(v => v.Language).Select(v => v.Language + ":" + v.Title + ":" + v.Revisions.Count + ":" + db.Comments.Count(c => c.ReleaseVersionId == v.Id)).ToList(),
            })
            .ToListAsync())
        .Select(r => $"{r.Status} {r.Sequence} {string.Join(" | ", r.Versions)}").Order().ToList());

    /// <summary>Releases of the office no record of the import names: made, then forgotten by a run that died.</summary>
    private Task<List<int>> OrphansAsync(string office) => site.Seed.WithDbAsync(async db =>
    {
        var known = await db.ImportedItems.Where(i => i.Kind == ImportKinds.Post && i.TargetId != null).Select(i => i.TargetId!).ToListAsync();
        var releases = await db.Releases.Where(r => r.Office.Code == office).Select(r => r.Id).ToListAsync();
        return releases.Where(id => !known.Contains(id.ToString())).ToList();
    });

    [Fact]
    public async Task An_import_killed_at_any_point_and_run_again_leaves_no_orphan_and_nothing_twice()
    {
        // The first import makes the categories and tags every later one finds: the runs counted and killed come after it.
        await ImportAsync(WordPressFixture.Xml(WordPressFixture.Site()), (await site.Seed.OfficeAsync()).Code);
        var whole = await site.Seed.OfficeAsync();
        var commands = await site.CountAsync(() => ImportAsync(WordPressFixture.Xml(WordPressFixture.Site()), whole.Code));
        var expected = await SiteOfAsync(whole.Code);
        Assert.Equal(7, expected.Count);
        Assert.Equal(2, expected.Count(r => r.StartsWith(nameof(ReleaseStatus.Published), StringComparison.Ordinal)));

        // Killed at commands spread over the whole run: writing posts, translations, comments, publishing, tags.
        const int Points = 12;
        for (var point = 1; point <= Points; point++)
        {
            var office = await site.Seed.OfficeAsync();
            var old = WordPressFixture.Site();
            var xml = WordPressFixture.Xml(old);
            await site.DieAtAsync(commands * point / (Points + 1), () => ImportAsync(xml, office.Code));

            await ImportAsync(xml, office.Code);

            Assert.Empty(await OrphansAsync(office.Code));
            Assert.Equal(expected, await SiteOfAsync(office.Code));
        }
    }
}
