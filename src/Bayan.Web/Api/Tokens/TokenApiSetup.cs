using Bayan.Web.Api.Editing;
using Microsoft.AspNetCore.Authentication;

namespace Bayan.Web.Api.Tokens;

/// <summary>The API's personal access tokens: the Bearer scheme, a policy per scope, a rate limit per token, Idempotency-Key, and the write endpoints.</summary>
internal static class TokenApiSetup
{
    public static void AddTokenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, configureOptions: null);
        builder.Services.AddAuthorization(authorization => authorization.AddScopePolicies());
        builder.AddTokenRateLimits();
    }

    /// <summary>After authentication and the rate limiter: a key is claimed only by a request that will be answered.</summary>
    public static void UseTokenApi(this WebApplication app) => app.UseTokenIdempotency();

    /// <summary>The endpoints that need a token, under the API's group.</summary>
    public static void MapTokenEndpoints(this RouteGroupBuilder api)
    {
        api.MapReleaseWrites();
        api.MapMediaWrites();
        api.MapCommentWrites();
        api.MapSiteWrites();
        api.MapEmbargoWrites();
        api.MapOfficeWrites();
        api.MapUserWrites();
        api.MapSettingsWrites();
    }
}
