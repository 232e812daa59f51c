using System.Security.Claims;
using System.Text.Encodings.Web;
using Bayan.Operations;
using Bayan.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Bayan.Web.Api.Tokens;

/// <summary>
/// `Authorization: Bearer bayan_...`: the API's own scheme, never a cookie, so no request of another
/// site can act with a person's rights and the API needs no antiforgery token. A missing or refused
/// token is a 401 with `WWW-Authenticate: Bearer` (RFC 6750), explained in problem details.
/// </summary>
internal sealed class TokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticateToken tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "BayanToken";
    public const string TokenClaim = "bayan:token";
    private const string RefusalKey = "bayan:token-refusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Refuse("api_auth_invalid");
        var check = await tokens.RunAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (check.Caller is not { } caller)
            return Refuse(check.Refusal ?? "api_auth_invalid");
        Context.Features.Set(caller);
        // What a token reads is one person's view (drafts of their offices): no cache on the way keeps it.
        Response.Headers.CacheControl = "no-store";
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, caller.Actor.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(TokenClaim, caller.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    private AuthenticateResult Refuse(string key)
    {
        Context.Items[RefusalKey] = key;
        return AuthenticateResult.Fail(key);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refusal = Context.Items[RefusalKey] as string;
        // RFC 6750: a request without credentials gets no error code; a bad token is "invalid_token".
        Response.Headers.WWWAuthenticate = refusal is null
            ? "Bearer realm=\"bayan\""
            : "Bearer realm=\"bayan\", error=\"invalid_token\"";
        await (refusal is null
            ? ApiProblems.Of(Context, StatusCodes.Status401Unauthorized)
            : ApiProblems.Of(Context, StatusCodes.Status401Unauthorized, new Problem(refusal))).ExecuteAsync(Context);
    }

    /// <summary>A missing scope is named (RFC 6750's insufficient_scope); anything else is the person's role.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>()?.Scope;
        if (needed is { } scope && Context.Features.Get<TokenCaller>() is { } caller && !caller.Allows(scope))
        {
            var name = TokenScopes.Name(scope);
            Response.Headers.WWWAuthenticate = $"Bearer realm=\"bayan\", error=\"insufficient_scope\", scope=\"{name}\"";
            await ApiProblems.Of(Context, StatusCodes.Status403Forbidden, new Problem("api_auth_scope", name)).ExecuteAsync(Context);
            return;
        }
        await ApiProblems.Of(Context, StatusCodes.Status403Forbidden, new Problem("api_auth_forbidden")).ExecuteAsync(Context);
    }
}
