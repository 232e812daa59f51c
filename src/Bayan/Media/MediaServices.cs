using Bayan.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Media;

public static class MediaServices
{
    public static IServiceCollection AddMedia(this IServiceCollection services, BayanOptions options) =>
        services.AddSingleton(new MediaOptions(options.MediaFolder))
            .AddScoped<StoreUpload>()
            .AddScoped<UploadMedia>()
            .AddScoped<SetReleaseMedia>()
            .AddScoped<DescribeMedia>();
}
