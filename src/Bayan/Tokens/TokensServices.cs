using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tokens;

public static class TokensServices
{
    public static IServiceCollection AddTokens(this IServiceCollection services) =>
        services.AddScoped<CreateToken>()
            .AddScoped<RevokeToken>()
            .AddScoped<TokenQueries>()
            .AddScoped<AuthenticateToken>()
            .AddScoped<IdempotentAnswers>();
}
