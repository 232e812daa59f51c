using Bayan.Operations;
using Bayan.Sites;
using Bayan.Tokens;
using Bayan.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bayan.Web.Areas.Admin.Pages;

/// <summary>/admin/account/tokens: a person's own access tokens for the API; a new token's secret is shown once, on the answer to its form.</summary>
public sealed class TokensModel(
    SiteQueries sites, CurrentActor current, AdminText text, TimeProvider clock,
    TokenQueries queries, CreateToken create, RevokeToken revoke) : PageModel
{
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public List<string> Scopes { get; set; } = [];
    [BindProperty] public string? Expires { get; set; }
    [BindProperty(SupportsGet = true)] public int? Revoked { get; set; }

    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];
    public NewToken? Created { get; private set; }
    private SiteClock? siteClock;

    public SiteClock Clock => siteClock ?? throw new InvalidOperationException("The page was shown before it loaded.");
    public DateTime Now { get; private set; }
    public IReadOnlyDictionary<string, Problem> Errors { get; private set; } = new Dictionary<string, Problem>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        var errors = new Dictionary<string, Problem>();
        var scopes = new List<TokenScope>();
        foreach (var name in Scopes ?? [])
        {
            if (TokenScopes.Parse(name) is { } scope)
                scopes.Add(scope);
            else
                errors["scopes"] = new Problem("tokens_scope_unknown", name);
        }
        siteClock = await sites.ClockAsync(text.Language, ct);
        DateTime? expires = null;
        if (!string.IsNullOrWhiteSpace(Expires))
        {
            expires = TokenExpiry.Parse(Expires, Clock.Zone, clock.GetUtcNow().UtcDateTime);
            if (expires is null)
                errors["expires"] = new Problem("tokens_expiry_invalid");
        }
        if (errors.Count > 0)
            return await FailAsync(new Outcome.Invalid(errors), ct);
        var (token, outcome) = await create.RunAsync(actor, actor.UserId, new TokenRequest(Name, scopes, expires), ct);
        if (outcome is not Outcome.Done || token is null)
            return await FailAsync(outcome, ct);
        Created = token;
        Name = "";
        Scopes = [];
        Expires = null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var outcome = await revoke.RunAsync(await current.GetAsync(ct), id, ct);
        return outcome switch
        {
            Outcome.Done => Redirect($"/admin/account/tokens?revoked={id}"),
            Outcome.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    /// <summary>The token named by ?revoked=, for the notice after revoking it.</summary>
    public TokenSummary? RevokedToken => Revoked is { } id ? Tokens.FirstOrDefault(t => t.Id == id && t.RevokedAt is not null) : null;

    public string StateOf(TokenSummary token) => token.StateKey(Now);

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        Now = clock.GetUtcNow().UtcDateTime;
        siteClock ??= await sites.ClockAsync(text.Language, ct);
        Tokens = await queries.ForUserAsync(actor, actor.UserId, ct) ?? [];
    }

    private async Task<IActionResult> FailAsync(Outcome outcome, CancellationToken ct)
    {
        if (outcome is not Outcome.Invalid invalid)
            return outcome is Outcome.Forbidden ? Forbid() : NotFound();
        Errors = invalid.Errors;
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
