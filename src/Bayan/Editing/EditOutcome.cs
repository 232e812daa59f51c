namespace Bayan.Editing;

/// <summary>A problem with what someone asked for: a message key of the catalogue and its arguments, so each reader gets it in their language.</summary>
public sealed record Problem(string Key, params object[] Args)
{
    public string In(string language) => Localization.Messages.Format(language, Key, Args);
}

/// <summary>Every way an editing operation can end. Expected failures are values; nothing is saved unless it is <see cref="Done"/>.</summary>
public abstract record EditOutcome
{
    public sealed record Done(int ReleaseId, Problem Message) : EditOutcome;

    /// <summary>Field name to problem; the form shows each beside its field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, Problem> Errors) : EditOutcome;

    public sealed record Forbidden : EditOutcome;

    public sealed record NotFound : EditOutcome;

    /// <summary>Someone saved the same version since this editor opened it: both texts, nothing overwritten.</summary>
    public sealed record Conflict(DraftText Theirs, string TheirAuthor, DateTime TheirTime, DraftText Yours, int CurrentConcurrency, string? HeldStamp = null) : EditOutcome
    {
        /// <summary>Only the fields that differ, each with its word diff.</summary>
        public IReadOnlyList<FieldConflict> Fields => FieldConflicts.Of(Theirs, Yours);
    }

    /// <summary>
    /// Someone changed what a release is filed under since this editor opened the form: the fields
    /// that differ, theirs against yours, nothing saved.
    /// </summary>
    public sealed record DetailsConflict(ReleaseDetails Theirs, ReleaseDetails Yours) : EditOutcome;

    /// <summary>Someone set (or cleared) the publication time since this editor opened the page: theirs (null: not scheduled) against yours.</summary>
    public sealed record ScheduleConflict(DateTime? Theirs, DateTime Yours) : EditOutcome;
}

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
