using System.Security.Claims;
using Bayan.Accounts;

namespace Bayan.Web.Admin;

/// <summary>The signed-in person and what they may do, read once per request.</summary>
public sealed class CurrentActor(IHttpContextAccessor http, UserQueries users)
{
    private (User User, Actor Actor)? loaded;

    public async Task<Actor> GetAsync(CancellationToken ct) => (await LoadAsync(ct)).Actor;

    public async Task<User> UserAsync(CancellationToken ct) => (await LoadAsync(ct)).User;

    /// <summary>
    /// The signed-in person's rights as they stand now, or null when nobody is signed in (or the account
    /// is gone): the navigation asks the same rules as the pages, never the claims of an older sign-in.
    /// </summary>
    public async Task<Actor?> FindAsync(CancellationToken ct)
    {
        if (loaded is { } done)
            return done.Actor;
        if (!int.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out _)
            || http.HttpContext?.User.Identity?.IsAuthenticated != true)
            return null;
        try
        {
            return await GetAsync(ct);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<(User User, Actor Actor)> LoadAsync(CancellationToken ct)
    {
        if (loaded is { } done)
            return done;
        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = int.TryParse(id, out var userId)
            ? await users.SignedInAsync(userId, ct)
            : null;
        if (user is null)
            throw new InvalidOperationException("The back office was reached without a signed-in user.");
        loaded = (user, Actor.From(user));
        return loaded.Value;
    }
}
