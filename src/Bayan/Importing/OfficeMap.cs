using Bayan.Operations;

namespace Bayan.Importing;

/// <summary>
/// Which office an imported item goes to, by its category or its author: one rule a line,
/// `category:health=health-office` or `author:amina=north`; blank lines and lines starting with # are ignored.
/// An item takes the office of its first category that has one, else its author's, else the default office.
/// </summary>
public sealed class OfficeMap
{
    private readonly Dictionary<string, string> categories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> authors = new(StringComparer.OrdinalIgnoreCase);

    public static OfficeMap Empty { get; } = new();

    public IEnumerable<string> Offices => categories.Values.Concat(authors.Values).Distinct(StringComparer.Ordinal);

    /// <summary>The map, or the problem of the first line that is not a rule (its number given).</summary>
    public static (OfficeMap? Map, Problem? Problem) Parse(string text)
    {
        var map = new OfficeMap();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var colon = line.IndexOf(':');
            var equals = line.IndexOf('=');
            if (colon <= 0 || equals < colon + 2 || equals == line.Length - 1)
                return (null, new Problem("import_office_map_line", number, line));
            var kind = line[..colon].Trim().ToLowerInvariant();
            var key = Uri.UnescapeDataString(line[(colon + 1)..equals].Trim());
            var office = line[(equals + 1)..].Trim();
            if (kind == "category")
                map.categories[key] = office;
            else if (kind == "author")
                map.authors[key] = office;
            else
                return (null, new Problem("import_office_map_line", number, line));
        }
        return (map, null);
    }

    /// <summary>The office code for an item with these category slugs and this author login; null: the default.</summary>
    public string? OfficeFor(IEnumerable<string> categorySlugs, string author) =>
        categorySlugs.Select(s => categories.GetValueOrDefault(s)).FirstOrDefault(o => o is not null)
            ?? authors.GetValueOrDefault(author);
}
