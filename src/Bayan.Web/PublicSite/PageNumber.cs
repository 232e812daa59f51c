namespace Bayan.Web.PublicSite;

/// <summary>The page a listing URL asks for: ?page=N, 1 when absent.</summary>
public readonly record struct PageNumber(int Value, bool IsValid)
{
    public static PageNumber From(HttpRequest request)
    {
        var raw = request.Query["page"];
        if (raw.Count == 0)
            return new(1, true);
        return raw.Count == 1 && int.TryParse(raw[0], System.Globalization.NumberStyles.None, null, out var page)
            ? new(page, true)
            : new(0, false);
    }
}
