using Bayan.Editing;

namespace Bayan.Operations;

/// <summary>Every way an operation of the library can end. Expected failures are values; nothing is saved unless it is <see cref="Done"/>.</summary>
public abstract record Outcome
{
    public sealed record Done(int ReleaseId, Problem Message) : Outcome;

    /// <summary>Field name to problem; the form shows each beside its field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, Problem> Errors) : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record NotFound : Outcome;

    /// <summary>The release changed since the revision the caller named (<see cref="Releases.ReleaseRevisions"/>): nothing saved.</summary>
    public sealed record Stale(int CurrentRevision) : Outcome;

    /// <summary>Someone saved the same version since this editor opened it: both texts, nothing overwritten.</summary>
    public sealed record Conflict(DraftText Theirs, string TheirAuthor, DateTime TheirTime, DraftText Yours, int CurrentConcurrency, string? HeldStamp = null) : Outcome
    {
        /// <summary>Only the fields that differ, each with its word diff.</summary>
        public IReadOnlyList<FieldConflict> Fields => FieldConflicts.Of(Theirs, Yours);
    }

    /// <summary>
    /// Someone changed what a release is filed under since this editor opened the form: the fields
    /// that differ, theirs against yours, nothing saved.
    /// </summary>
    public sealed record DetailsConflict(ReleaseDetails Theirs, ReleaseDetails Yours) : Outcome;

    /// <summary>Someone set (or cleared) the publication time since this editor opened the page: theirs (null: not scheduled) against yours.</summary>
    public sealed record ScheduleConflict(DateTime? Theirs, DateTime Yours) : Outcome;
}
