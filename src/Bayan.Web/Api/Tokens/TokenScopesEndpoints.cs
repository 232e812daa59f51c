using Bayan.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Bayan.Web.Api.Tokens;

/// <summary>The scope an endpoint needs; the authorization policy of that scope checks it before anything else runs.</summary>
public sealed record RequiredScope(TokenScope Scope);

internal static class TokenEndpoints
{
    public static string PolicyFor(TokenScope scope) => "token:" + TokenScopes.Name(scope);

    /// <summary>One policy per scope: a live token (this scheme only: no cookie ever counts) whose scopes allow it.</summary>
    public static void AddScopePolicies(this AuthorizationOptions authorization)
    {
        foreach (var scope in Enum.GetValues<TokenScope>())
        {
            authorization.AddPolicy(PolicyFor(scope), policy => policy
                .AddAuthenticationSchemes(TokenAuthentication.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => (context.Resource as HttpContext)?.Features.Get<TokenCaller>()?.Allows(scope) == true));
        }
    }

    /// <summary>
    /// Only a token with <paramref name="scope"/> (or admin) reaches the endpoint; the rest get 401 or
    /// 403 with problem details, and a token past its rate limit 429.
    /// </summary>
    public static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder builder, TokenScope scope) =>
        builder.RequireAuthorization(PolicyFor(scope)).WithMetadata(new RequiredScope(scope)).RequireRateLimiting(TokenRateLimits.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>The caller the token authentication found; endpoints behind <see cref="RequireScope"/> always have one.</summary>
    public static TokenCaller Caller(this HttpContext http) =>
        http.Features.Get<TokenCaller>() ?? throw new InvalidOperationException("A token endpoint ran without RequireScope.");

    /// <summary>In the OpenAPI document, an endpoint that needs a token says so: the bearer scheme with its scope, and a line of its description.</summary>
    public static void DescribeTokenEndpoints(this OpenApiOptions options) => options.AddOperationTransformer((operation, context, ct) =>
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredScope>().FirstOrDefault() is { } required)
        {
            var scope = TokenScopes.Name(required.Scope);
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiDocument.BearerScheme, context.Document)] = [scope],
            });
            operation.Description = $"Needs a personal access token with the scope `{scope}` (or `admin`).";
        }
        return Task.CompletedTask;
    });
}
