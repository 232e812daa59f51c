using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Accounts;

public static class AccountsServices
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) =>
        services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = PasswordLink.Lifespan)
            .AddScoped<CreateUser>()
            .AddScoped<UpdateUser>()
            .AddScoped<ResetPasswordLink>()
            .AddScoped<SetPassword>()
            .AddScoped<ChangePassword>()
            .AddScoped<ChooseLanguage>()
            .AddScoped<SignOutEverywhere>()
            .AddScoped<UserSessions>()
            .AddScoped<UnlockUser>();
}
