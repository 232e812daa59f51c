namespace Bayan.Changes;

/// <summary>
/// Where services announce what they saved, so that copies of public pages (the web application's
/// output cache) never outlive the content they show. A seam because the listener lives outside
/// this library, and several nodes will share it through Redis.
/// </summary>
public interface IContentChanges
{
    /// <summary>
    /// Call after the transaction commits: a copy dropped before could be rebuilt from the old rows.
    /// Takes no cancellation on purpose: a committed change is announced even if the request that
    /// made it has gone away.
    /// </summary>
    Task SavedAsync(ContentChange change);
}
