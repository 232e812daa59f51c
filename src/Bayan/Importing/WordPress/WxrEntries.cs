namespace Bayan.Importing.WordPress;

/// <summary>One thing a WXR file holds, in the order the file holds it: the channel's facts, then authors and terms, then items.</summary>
public abstract record WxrEntry;

/// <summary>The channel: the WXR version (1.0, 1.1, 1.2) and the site the file came from.</summary>
public sealed record WxrSite(string Version, string Title, string BaseSiteUrl, string BaseBlogUrl, string? Language) : WxrEntry;

public sealed record WxrAuthor(long Id, string Login, string Email, string DisplayName) : WxrEntry;

/// <summary>A category; <see cref="ParentSlug"/> is the parent's nicename, as WordPress writes it.</summary>
public sealed record WxrCategory(long Id, string Slug, string? ParentSlug, string Name) : WxrEntry;

public sealed record WxrTag(long Id, string Slug, string Name) : WxrEntry;

/// <summary>A term of any other taxonomy (Polylang's language and post_translations, nav_menu, custom taxonomies).</summary>
public sealed record WxrTerm(long Id, string Taxonomy, string Slug, string? ParentSlug, string Name) : WxrEntry;

/// <summary>A term an item is filed under: the taxonomy ("category", "post_tag", "language", ...), its slug and name.</summary>
public sealed record WxrItemTerm(string Domain, string Slug, string Name);

/// <summary>A custom field; only those the import reads are kept (<see cref="WxrReader.MetaKeys"/>).</summary>
public sealed record WxrMeta(string Key, string Value);

/// <summary>
/// A comment as WordPress keeps it. <see cref="Approved"/> is "1", "0", "spam" or "trash";
/// <see cref="Type"/> is empty (or "comment") for a reader's comment, "pingback" or "trackback" otherwise.
/// </summary>
public sealed record WxrComment(
    long Id, string Author, string AuthorEmail, DateTime? Date, DateTime? DateGmt, string Content, string Approved, string Type, long Parent);

/// <summary>
/// A post, page, attachment or any other post type. Dates are as WordPress wrote them: <see cref="PostDate"/>
/// in the site's own zone, <see cref="PostDateGmt"/> in UTC (none for a draft that was never dated).
/// </summary>
public sealed record WxrItem(
    long PostId,
    string Title,
    string Link,
    string Guid,
    string Creator,
    string Content,
    string Excerpt,
    DateTime? PostDate,
    DateTime? PostDateGmt,
    string PostName,
    string Status,
    long PostParent,
    string PostType,
    string Password,
    string AttachmentUrl,
    IReadOnlyList<WxrItemTerm> Terms,
    IReadOnlyList<WxrMeta> Meta,
    IReadOnlyList<WxrComment> Comments) : WxrEntry
{
    public string? MetaValue(string key) => Meta.FirstOrDefault(m => m.Key == key)?.Value;

    public IEnumerable<WxrItemTerm> TermsOf(string domain) => Terms.Where(t => t.Domain == domain);

    /// <summary>The publication time in UTC: the GMT date, else the local date read as UTC (old files and never-dated drafts).</summary>
    public DateTime? PublishedUtc => PostDateGmt ?? (PostDate is { } local ? DateTime.SpecifyKind(local, DateTimeKind.Utc) : null);
}
