using System.Security.Claims;
using Bayan.Accounts;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.Admin;

/// <summary>The signed-in person and what they may do, read once per request.</summary>
public sealed class CurrentActor(IHttpContextAccessor http, BayanDb db)
{
    private (User User, Actor Actor)? loaded;

    public async Task<Actor> GetAsync(CancellationToken ct) => (await LoadAsync(ct)).Actor;

    public async Task<User> UserAsync(CancellationToken ct) => (await LoadAsync(ct)).User;

    private async Task<(User User, Actor Actor)> LoadAsync(CancellationToken ct)
    {
        if (loaded is { } done)
            return done;
        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = int.TryParse(id, out var userId)
            ? await db.Users.Include(u => u.Offices).Include(u => u.Languages).FirstOrDefaultAsync(u => u.Id == userId, ct)
            : null;
        if (user is null)
            throw new InvalidOperationException("The back office was reached without a signed-in user.");
        loaded = (user, Actor.From(user));
        return loaded.Value;
    }
}
