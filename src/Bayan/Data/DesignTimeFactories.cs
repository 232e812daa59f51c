using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bayan.Data;

// Used only by `dotnet ef migrations add`: each provider keeps its own migrations.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBayanDb>
{
    public SqliteBayanDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteBayanDb>();
        builder.UseBayanSqlite("Data Source=design.db");
        return new(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBayanDb>
{
    public PostgresBayanDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresBayanDb>();
        builder.UsePostgres("Host=127.0.0.1;Database=design");
        return new(builder.Options);
    }
}
