using Bayan.Pages;
using Bayan.Tags;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Releases;

public static class ReleasesServices
{
    /// <summary>The public reads of releases and of what files them: lists, one release, tags and static pages.</summary>
    public static IServiceCollection AddPublicReads(this IServiceCollection services) => services
        .AddScoped<ReleaseListQuery>()
        .AddScoped<PublicReleaseQuery>()
        .AddScoped<TagQueries>()
        .AddScoped<PageQueries>();
}
