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
    public sealed record Conflict(DraftText Theirs, string TheirAuthor, DateTime TheirTime, DraftText Yours, int CurrentConcurrency) : EditOutcome;
}

public sealed record DraftText(string Title, string Slug, string Summary, string Body);
