using Microsoft.AspNetCore.OutputCaching;

namespace Bayan.Web.Caching;

/// <summary>What endpoints need to know of the shared page cache.</summary>
internal static class PageCache
{
    /// <summary>
    /// Marks endpoints whose answers are the same for every reader, so they may be kept and shared.
    /// Only marked endpoints are ever kept: a new endpoint is private until someone decides otherwise.
    /// </summary>
    public static TBuilder SharedWithEveryone<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(SharedMarker.Instance);

    public static bool IsMarkedShared(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<SharedMarker>() is not null;

    /// <summary>Names what this answer shows (see <see cref="CacheTags"/>); when the answer is not kept, nothing happens.</summary>
    public static void Tag(HttpContext http, params IEnumerable<string> tags)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is not { EnableOutputCaching: true } context)
            return;
        foreach (var tag in tags)
            context.Tags.Add(tag);
    }

    /// <summary>
    /// Whether this answer may be kept and shown to other readers, so that it must carry nothing of
    /// this reader's own (an antiforgery token, a cookie).
    /// </summary>
    public static bool IsShared(HttpContext http) =>
        http.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true, AllowCacheStorage: true };

    private sealed class SharedMarker
    {
        public static readonly SharedMarker Instance = new();
    }
}
