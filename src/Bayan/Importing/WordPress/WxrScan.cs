namespace Bayan.Importing.WordPress;

/// <summary>An attachment as the import needs it: where its file lies under uploads, its address, alt text and caption.</summary>
public sealed record WxrAttachment(long Id, string Title, string File, string Url, string Alt, string Caption, long Parent, string Language);

/// <summary>A post or page as the import plans it before writing: its type, status, date, language and translation group.</summary>
public sealed record WxrPlannedItem(long Id, string Type, string Status, DateTime? PublishedUtc, string Language, string? Group, bool Protected)
{
    public bool IsPublic => Status == "publish" && !Protected;
}

/// <summary>
/// The first reading of a whole WXR file, which writes nothing: it proves the file whole (a broken one stops the
/// import before anything is written) and learns what the writing needs first: the site, terms, attachments,
/// each post's language and which post of a translation group is the original.
/// </summary>
public sealed class WxrScan
{
    public WxrSite Site { get; private set; } = new("", "", "", "", null);
    public Dictionary<string, WxrAuthor> Authors { get; } = new(StringComparer.Ordinal);
    public List<WxrCategory> Categories { get; } = [];
    public List<WxrTag> Tags { get; } = [];
    public Dictionary<long, WxrAttachment> Attachments { get; } = [];
    public List<WxrPlannedItem> Items { get; } = [];

    /// <summary>Group key to the post id that becomes the release's original.</summary>
    public Dictionary<string, long> Originals { get; } = new(StringComparer.Ordinal);

    /// <param name="language">The language every item is in (--language), or null to read it from each item.</param>
    /// <param name="fallback">The language of an item whose language nothing tells.</param>
    public static WxrScan Read(Stream stream, string? language, string fallback, Action<int>? progress = null, CancellationToken ct = default)
    {
        var scan = new WxrScan();
        var count = 0;
        foreach (var entry in WxrReader.Read(stream))
        {
            ct.ThrowIfCancellationRequested();
            switch (entry)
            {
                case WxrSite site:
                    scan.Site = site;
                    break;
                case WxrAuthor author:
                    scan.Authors.TryAdd(author.Login, author);
                    break;
                case WxrCategory category:
                    scan.Categories.Add(category);
                    break;
                case WxrTag tag:
                    scan.Tags.Add(tag);
                    break;
                case WxrItem { PostType: "attachment" } item:
                    scan.Attachments[item.PostId] = Attachment(item, language, fallback);
                    progress?.Invoke(++count);
                    break;
                case WxrItem { PostType: "post" or "page" } item:
                    scan.Items.Add(new WxrPlannedItem(item.PostId, item.PostType, item.Status, item.PublishedUtc,
                        WxrTranslations.LanguageOf(item, language, fallback),
                        // One language for all (--language): translations of one another would be versions in one language.
                        language is null ? WxrTranslations.Group(item) : null, item.Password.Length > 0));
                    progress?.Invoke(++count);
                    break;
            }
        }
        // The original of a translation group: its first public post, else its first post.
        foreach (var group in scan.Items.Where(i => i.Group is not null).GroupBy(i => i.Group!))
            scan.Originals[group.Key] = group.OrderBy(i => i.IsPublic ? 0 : 1).ThenBy(i => i.Id).First().Id;
        return scan;
    }

    /// <summary>Whether the post is the first of its group, or alone, rather than a translation of another.</summary>
    public bool IsOriginal(WxrPlannedItem item) => item.Group is null || Originals[item.Group] == item.Id;

    private static WxrAttachment Attachment(WxrItem item, string? language, string fallback)
    {
        var file = item.MetaValue("_wp_attached_file") ?? "";
        if (file.Length == 0)
        {
            // Without the meta (old exports), the address says where under uploads the file lies.
            const string uploads = "/wp-content/uploads/";
            var at = item.AttachmentUrl.IndexOf(uploads, StringComparison.OrdinalIgnoreCase);
            file = at >= 0 ? Uri.UnescapeDataString(item.AttachmentUrl[(at + uploads.Length)..]) : "";
        }
        var url = item.AttachmentUrl.Length > 0 ? item.AttachmentUrl : item.Guid;
        return new WxrAttachment(item.PostId, WordPressContent.PlainText(item.Title), file, url,
            WordPressContent.PlainText(item.MetaValue("_wp_attachment_image_alt") ?? ""), WordPressContent.PlainText(item.Excerpt),
            item.PostParent, language ?? WxrTranslations.DeclaredLanguage(item) ?? fallback);
    }
}
