using Bayan.Releases;

namespace Bayan.Web.PublicSite;

internal static class ListingValues
{
    /// <summary>What the listing templates (home, listing) read of a listing.</summary>
    public static Dictionary<string, object?> ToValues(this Listing listing) => new()
    {
        ["releases"] = listing.Releases,
        ["pager"] = listing.Pager,
        ["total"] = listing.Total,
    };
}
