namespace Bayan.Changes;

/// <summary>
/// A listener that tells other processes of a change made here (Redis, the change count). A change
/// heard from another process is handed to every listener but these: it was told already.
/// </summary>
public interface IPassesChangesOn
{
}
