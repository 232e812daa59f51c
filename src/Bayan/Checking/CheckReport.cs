using Bayan.Operations;

namespace Bayan.Checking;

/// <summary>What became of something `bayan check` found.</summary>
public enum FindingState
{
    /// <summary>Wrong, and still wrong: someone must look at it (or run the check with --repair).</summary>
    Found,

    /// <summary>Was wrong; the check put it right.</summary>
    Repaired,

    /// <summary>Not wrong, but worth knowing (e.g. a check the database does not allow).</summary>
    Note,
}

/// <summary>One thing the check found: in which part of the site (database, search, media), what, and what became of it.</summary>
public sealed record CheckFinding(string Area, Problem Problem, FindingState State);

/// <summary>All a check found, and how much it looked at.</summary>
public sealed record CheckReport(IReadOnlyList<CheckFinding> Findings, int PublishedVersions, int MediaItems)
{
    /// <summary>Nothing is left wrong: everything found was repaired or is only a note.</summary>
    public bool Sound => Findings.All(f => f.State != FindingState.Found);
}
