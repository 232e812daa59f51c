using Bayan.Dates;
using Bayan.Localization;
using Bayan.Sites;

namespace Bayan.Releases;

public sealed record PagerLink(string Label, string Url, bool Current);

/// <summary>Previous, next and numbered links of a listing, labelled in the page's language.</summary>
public sealed record Pager(int Current, int TotalPages, string? PreviousUrl, string? NextUrl, string Summary, IReadOnlyList<PagerLink> Pages)
{
    private const int Window = 2;

    /// <summary>Whether a listing of <paramref name="total"/> items has the page; page 1 always exists.</summary>
    public static bool Exists(int page, int total, int pageSize) => page == 1 || (page > 1 && page <= PageCount(total, pageSize));

    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    public static Pager Create(string path, int current, int total, int pageSize, string lang)
    {
        var count = PageCount(total, pageSize);
        var pages = new List<PagerLink>();
        for (var n = 1; n <= count; n++)
        {
            if (n == 1 || n == count || Math.Abs(n - current) <= Window)
                pages.Add(new PagerLink(Digits.ForLanguage(n.ToString(), lang), SiteUrls.WithPage(path, n), n == current));
            else if (pages.Count > 0 && pages[^1].Label != "…")
                pages.Add(new PagerLink("…", "", false));
        }
        return new Pager(
            current,
            count,
            current > 1 ? SiteUrls.WithPage(path, current - 1) : null,
            current < count ? SiteUrls.WithPage(path, current + 1) : null,
            Digits.ForLanguage(Messages.Format(lang, "pager_page_of", current, count), lang),
            pages);
    }
}
