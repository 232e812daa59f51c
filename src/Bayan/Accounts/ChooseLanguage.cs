using Bayan.Audit;
using Bayan.Data;
using Bayan.Localization;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Accounts;

/// <summary>A signed-in person chooses the language the back office speaks to them in.</summary>
public sealed class ChooseLanguage(BayanDb db, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(Actor actor, string language, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is null)
            return new Outcome.NotFound();
        if (!Messages.Translated.Contains(language ?? ""))
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["language"] = new("users_language_invalid") });

        if (user.Language != language)
        {
            user.Language = language!;
            AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "user.language", $"user:{user.Email}", language!);
            await db.SaveChangesAsync(ct);
        }
        return new Outcome.Done(user.Id, new Problem("users_language_saved"));
    }
}
