namespace Bayan.Changes;

/// <summary>
/// Something that keeps copies of content (the output cache, an in-process snapshot of the site, the
/// other nodes) and must drop the ones a saved change makes wrong. <see cref="ContentChangeHub"/>
/// tells every registered listener in turn.
/// </summary>
public interface IContentChangeListener
{
    ValueTask ChangedAsync(ContentChange change);
}
