using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Offices;

public static class OfficesServices
{
    public static IServiceCollection AddOffices(this IServiceCollection services) =>
        services.AddScoped<RecordHijriMonthStart>()
            .AddScoped<SaveOffice>();
}
