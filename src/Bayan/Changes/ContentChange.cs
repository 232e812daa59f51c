namespace Bayan.Changes;

/// <summary>
/// What a saved change touched, in the terms of the content (not of pages or caches): whoever keeps
/// copies of public pages works out from it which copies are now wrong, and drops exactly those.
/// </summary>
public abstract record ContentChange
{
    /// <summary>
    /// A release changed: its text, status, dates, media, filing or whether it takes comments. Its
    /// own pages change, and every listing, feed and sitemap that shows it.
    /// </summary>
    public sealed record Release(int Id) : ContentChange
    {
        /// <summary>Categories the release was filed under before the change: their listings lose it.</summary>
        public IReadOnlyCollection<int> FormerCategories { get; init; } = [];

        /// <summary>Tags the release carried before the change: their listings lose it.</summary>
        public IReadOnlyCollection<int> FormerTags { get; init; } = [];
    }

    /// <summary>The comments shown under these releases changed (approved, hidden, deleted, or published at once).</summary>
    public sealed record Comments(IReadOnlyCollection<int> ReleaseIds) : ContentChange;

    /// <summary>A static page changed; its translations share its key, and a page given a new key leaves the former one.</summary>
    public sealed record Page(string Key, string? FormerKey = null) : ContentChange;

    /// <summary>
    /// Something every public page shows changed: the site's settings, languages or dates, the menus,
    /// an office, a category or a tag (their names are on every page, beside every release).
    /// </summary>
    public sealed record Everything(string Reason) : ContentChange;
}
