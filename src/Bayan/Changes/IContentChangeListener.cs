namespace Bayan.Changes;

/// <summary>
/// Something that keeps copies of content (kept pages, the site snapshot, other nodes) and must
/// drop the ones a saved change makes wrong. <see cref="ContentChangeHub"/> tells every one of them.
/// </summary>
public interface IContentChangeListener
{
    ValueTask ChangedAsync(ContentChange change);
}
