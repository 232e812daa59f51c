using SQLitePCL;

namespace Bayan.Data;

/// <summary>Settings of the SQLite library itself, for the whole process: made once, before it opens its first database.</summary>
internal static class SqliteEngine
{
    private static int configured;

    /// <summary>
    /// SQLite keeps statistics of its memory (sqlite3_memory_used) by taking one lock of the whole process
    /// on every allocation. Bayan never reads them, and under load the requests queued on that lock: a
    /// search that found nothing went from 1,682 to 2,274 answers a second without it (100k releases, 16
    /// connections, 2 cores). Too late, once a database is open, SQLite refuses the setting and keeps counting.
    /// </summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1)
            return;
        Batteries_V2.Init();
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
