using System.Globalization;
using Bayan.Operations;
using Bayan.Sites;
using Bayan.Tokens;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages;

/// <summary>
/// /admin/tokens: every account's access tokens, newest first, for administrators, who may revoke
/// any of them (a leaked token, a person who left); the revocation is audited under their name.
/// Each person still makes and revokes their own at /admin/account/tokens.
/// </summary>
public sealed class AllTokensModel(SiteQueries sites, CurrentActor current, AdminText text, TimeProvider clock, TokenQueries queries, RevokeToken revoke) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Revoked { get; set; }
    [BindProperty(SupportsGet = true)] public TokenState State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }

    public IReadOnlyList<OwnedToken> Tokens { get; private set; } = [];
    public bool HasMore { get; private set; }
    public DateTime Now { get; private set; }
    public SiteClock Clock { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        P = Math.Clamp(P, 1, 100_000);
        Now = clock.GetUtcNow().UtcDateTime;
        var page = await queries.AllAsync(await current.GetAsync(ct), new TokenFilter(State, Owner), Now, P, PageSize, ct);
        if (page is null)
            return Forbid();
        HasMore = page.Count > PageSize;
        Tokens = [.. page.Take(PageSize)];
        Clock = await sites.ClockAsync(text.Language, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        // Only administrators use this page; a person revokes their own tokens on theirs.
        if (!actor.CanManageSite)
            return Forbid();
        return await revoke.RunAsync(actor, id, ct) switch
        {
            Outcome.Done => Redirect(PageAddress(Math.Clamp(P, 1, 100_000)) + $"&revoked={id}"),
            Outcome.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    /// <summary>The token named by ?revoked=, for the notice after revoking it.</summary>
    public OwnedToken? RevokedToken => Revoked is { } id ? Tokens.FirstOrDefault(t => t.Token.Id == id && t.Token.RevokedAt is not null) : null;

    public string StateOf(TokenSummary token) => token.StateKey(Now);

    /// <summary>The address of a page of this list, keeping what it is narrowed to.</summary>
    public string PageAddress(int page)
    {
        var query = QueryString.Create("p", page.ToString(CultureInfo.InvariantCulture));
        if (State != TokenState.Any)
            query = query.Add("state", State.ToString().ToLowerInvariant());
        if (!string.IsNullOrWhiteSpace(Owner))
            query = query.Add("owner", Owner.Trim());
        return "/admin/tokens" + query;
    }

    public bool IsNarrowed => State != TokenState.Any || !string.IsNullOrWhiteSpace(Owner);

    public static readonly TokenState[] States = [TokenState.Any, TokenState.Live, TokenState.Expired, TokenState.Revoked];

    public static string StateName(TokenState state) => state switch
    {
        TokenState.Live => "tokens_state_live",
        TokenState.Expired => "tokens_state_expired",
        TokenState.Revoked => "tokens_state_revoked",
        _ => "tokens_filter_any",
    };
}
