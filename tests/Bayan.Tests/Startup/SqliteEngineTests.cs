using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Bayan.Tests.Startup;

/// <summary>SQLite is set up for a server's many requests at once before Bayan opens a database.</summary>
public sealed class SqliteEngineTests
{
    [Fact]
    public async Task SQLite_keeps_no_memory_statistics_whose_lock_every_request_would_queue_on()
    {
        var options = new DbContextOptionsBuilder<SqliteBayanDb>();
        options.UseBayanSqlite("Data Source=:memory:");
        await using var db = new SqliteBayanDb(options.Options);
        await db.Database.OpenConnectionAsync();
        await db.Database.EnsureCreatedAsync();

        Assert.Equal(0, await db.Sites.CountAsync());
        // Counting, SQLite would say how much memory the open database and its schema hold.
        Assert.Equal(0, raw.sqlite3_memory_used());
    }
}
