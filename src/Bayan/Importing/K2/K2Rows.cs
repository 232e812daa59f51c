namespace Bayan.Importing.K2;

/// <summary>A K2 category: <see cref="Parent"/> 0 at the top; <see cref="Language"/> "*" (all) or a tag such as "ar-AA".</summary>
public sealed record K2Category(int Id, string Name, string Alias, int Parent, bool Published, bool Trashed, string Language);

/// <summary>
/// A K2 item as its table holds it. Dates are UTC, as Joomla stores them; a zero date ("0000-00-00 00:00:00",
/// Joomla's "never") is null. <see cref="ExtraFields"/> is K2's JSON list of {id, value}.
/// </summary>
public sealed record K2Item(
    int Id,
    string Title,
    string Alias,
    int CategoryId,
    bool Published,
    bool Trashed,
    int Access,
    bool Featured,
    string IntroText,
    string FullText,
    string? ExtraFields,
    DateTime? Created,
    int CreatedBy,
    string CreatedByAlias,
    DateTime? PublishUp,
    DateTime? PublishDown,
    string ImageCaption,
    string ImageCredits,
    string MetaDescription,
    string Language)
{
    /// <summary>When readers first saw it: publish_up, else its creation.</summary>
    public DateTime? PublishedAt => PublishUp ?? Created;

    /// <summary>The classic address of the item on the Joomla site, which the redirects answer.</summary>
    public string OldUrl => $"index.php?option=com_k2&view=item&id={Id}:{Alias}";
}

/// <summary>A comment on an item: <see cref="Published"/> false is waiting for moderation.</summary>
public sealed record K2Comment(int Id, int ItemId, string Name, string Email, string Text, DateTime? Date, bool Published);

/// <summary>A file attached to an item, kept by K2 under media/k2/attachments.</summary>
public sealed record K2Attachment(int Id, int ItemId, string FileName, string Title, string TitleAttribute);

/// <summary>One batch of items with what belongs to them.</summary>
public sealed record K2Batch(
    IReadOnlyList<K2Item> Items,
    ILookup<int, K2Comment> Comments,
    ILookup<int, K2Attachment> Attachments,
    ILookup<int, string> Tags);
