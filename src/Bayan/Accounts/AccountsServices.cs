using Bayan.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Accounts;

public static class AccountsServices
{
    /// <summary>
    /// Identity's users, password hashing, lockout and password links, and the operations on accounts.
    /// Signing in (cookies, claims) is the web application's own.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<User>(identity =>
            {
                identity.Password.RequiredLength = 10;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<BayanDb>()
            .AddDefaultTokenProviders();
        return services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = PasswordLink.Lifespan)
            .AddScoped<SetUpSite>()
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
}
