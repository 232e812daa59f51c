namespace Bayan.Audit;

/// <summary>One change anyone made: who, what, to what, when. Written in the same transaction as the change.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string Details { get; set; } = "";
}

public static class AuditLog
{
    /// <summary>Adds the entry to the unit of work; it is saved with the change it describes, or not at all.</summary>
    public static void Record(Data.BayanDb db, DateTime at, string actor, string action, string subject, string details = "") =>
        db.AuditEntries.Add(new AuditEntry { At = at, Actor = actor, Action = action, Subject = subject, Details = details });
}
