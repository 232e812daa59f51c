using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Comments;

public static class CommentsServices
{
    public static IServiceCollection AddComments(this IServiceCollection services) =>
        services.AddScoped<PostComment>().AddScoped<ModerateComments>().AddScoped<ImportComment>().AddScoped<ImportComments>();
}
