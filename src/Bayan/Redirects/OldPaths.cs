namespace Bayan.Redirects;

/// <summary>
/// Old paths made comparable: percent-encoding undone, no trailing slash, lower case, so
/// "/2023/11/04/%D8%A7/" of a WordPress permalink and the "/2023/11/04/ا" a browser asks for meet.
/// </summary>
public static class OldPaths
{
    /// <summary>The key of a path ("/a/b/" gives "/a/b"; the root gives "").</summary>
    public static string Key(string path)
    {
        var decoded = path;
        try
        {
            decoded = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            // A stray '%' stays as it is.
        }
        return decoded.TrimEnd('/').ToLowerInvariant();
    }

    /// <summary>
    /// The key of an old absolute address's path, ignoring its host; null when the address is the site's root
    /// (a "/?p=12" permalink is answered by its id, not its path) or not an address at all.
    /// </summary>
    public static string? KeyOfUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        string path;
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            path = absolute.AbsolutePath;
        else if (url.StartsWith('/'))
            path = url.Split('?', '#')[0];
        else
            return null;
        var key = Key(path);
        return key.Length == 0 || key == "/index.php" ? null : key;
    }
}
