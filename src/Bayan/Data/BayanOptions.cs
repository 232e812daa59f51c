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

    /// <summary>
    /// The site's public address ("https://news.example.org"), as readers reach it: absolute links,
    /// feeds, sitemaps and canonical addresses use it. Empty: each request's own scheme and host stand in.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary><see cref="PublicUrl"/> as links begin with it ("https://news.example.org", no slash at the end); null when not set.</summary>
    public string? PublicOrigin
    {
        get
        {
            // Read on every page: parsed once for the address set (options are bound at start).
            var parsed = origin;
            if (parsed is null || !ReferenceEquals(parsed.Url, PublicUrl))
                origin = parsed = new ParsedUrl(PublicUrl, Sites.PublicOrigin.Parse(PublicUrl, out _));
            return parsed.Origin;
        }
    }

    private ParsedUrl? origin;

    private sealed record ParsedUrl(string? Url, string? Origin);

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
