using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Changes;

public static class ChangesServices
{
    /// <summary>
    /// Scoped, since listeners may read the database (which pages showed a release) in the scope of
    /// the change; each listener registers itself as an <see cref="IContentChangeListener"/>.
    /// </summary>
    public static IServiceCollection AddContentChanges(this IServiceCollection services) =>
        services.AddScoped<IContentChanges, ContentChangeHub>();
}
