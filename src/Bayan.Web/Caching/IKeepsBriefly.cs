namespace Bayan.Web.Caching;

/// <summary>
/// A page store that at times keeps copies only briefly: a node cut off from Redis keeps pages in its
/// own memory for seconds, since it cannot hear other nodes' changes. The front door takes no copy
/// from it then, or the copy would outlive the store's.
/// </summary>
internal interface IKeepsBriefly
{
    bool KeepsBriefly { get; }
}
