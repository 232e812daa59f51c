using Microsoft.EntityFrameworkCore;

namespace Bayan.Data;

public sealed class SqliteBayanDb(DbContextOptions<SqliteBayanDb> options) : BayanDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        base.ConfigureConventions(conventions);
        // SQLite keeps no time zone: every DateTime Bayan writes is UTC, so read it back as UTC.
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
