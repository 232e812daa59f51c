using Bayan.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Search;

public static class SearchServices
{
    /// <summary>The index of the database Bayan runs on, sharing the request's context and transaction.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services) =>
        services.AddScoped(s => SearchIndex.For(s.GetRequiredService<BayanDb>()));
}
