namespace Bayan.Tests.Support;

// The integration suite: test.sh runs everything marked so once on SQLite and once on PostgreSQL.
// Use as [Trait(Suite.Category, Suite.Database)].
public static class Suite
{
    public const string Category = "Category";
    public const string Database = "Database";
    public const string Browser = "Browser";
}
