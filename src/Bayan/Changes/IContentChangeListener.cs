namespace Bayan.Changes;

/// <summary>
/// Something that keeps copies of what content shows (the output cache, a snapshot of the site, the
/// other nodes) and must drop those a change makes wrong. <see cref="ContentChangeHub"/> tells each one.
/// </summary>
public interface IContentChangeListener
{
    ValueTask ChangedAsync(ContentChange change);
}
