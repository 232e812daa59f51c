using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bayan.Changes;

public static class ChangesServices
{
    /// <summary>The hub services announce to; listeners are added by whoever keeps copies (the web application's cache).</summary>
    public static IServiceCollection AddContentChanges(this IServiceCollection services)
    {
        services.TryAddScoped<IContentChanges, ContentChangeHub>();
        // Every process moves the change count, so a server notices what the command line or another process saved.
        services.TryAddSingleton<ChangeCounter>();
        services.AddScoped<IContentChangeListener, ChangeCountMove>();
        return services;
    }
}
