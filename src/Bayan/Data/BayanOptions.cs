namespace Bayan.Data;

/// <summary>The "Bayan" configuration section.</summary>
public sealed class BayanOptions
{
    public const string Section = "Bayan";

    /// <summary>The data folder: the SQLite database and the media folder live here.</summary>
    public string Data { get; set; } = "data";

    /// <summary>A theme folder of the site's own; empty means the default theme.</summary>
    public string? Theme { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public string DataFolder => Path.GetFullPath(Data);
    public string MediaFolder => Path.Combine(DataFolder, "media");
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite it defaults to bayan.db in the data folder.</summary>
    public string? ConnectionString { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
