namespace Bayan.Editing;

/// <summary>The publication time an editor saw when opening the schedule form; null when the release was not scheduled.</summary>
public sealed record SeenPublishAt(DateTime? Utc)
{
    /// <summary>The same time to the second: the form carries seconds, a database may keep finer.</summary>
    public bool Matches(DateTime? stored) => Seconds(Utc) == Seconds(stored);

    private static long? Seconds(DateTime? utc) => utc is { } t ? t.Ticks / TimeSpan.TicksPerSecond : null;
}

public sealed record DraftText(string Title, string Slug, string Summary, string Body);

/// <summary>What a release is filed under: its type, category ids and tag names.</summary>
public sealed record ReleaseDetails(Releases.ReleaseType Type, IReadOnlyList<int> CategoryIds, IReadOnlyList<string> TagNames)
{
    /// <summary>The same filing, whatever the order of categories and tags and the spaces around tag names.</summary>
    public bool SameAs(ReleaseDetails other) =>
        Type == other.Type
        && CategoryIds.ToHashSet().SetEquals(other.CategoryIds)
        && FieldConflicts.Items(TagNames) == FieldConflicts.Items(other.TagNames);
}
