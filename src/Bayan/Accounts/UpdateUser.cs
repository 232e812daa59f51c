using Bayan.Operations;
using System.Data;
using Bayan.Audit;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bayan.Accounts;

/// <summary>
/// An administrator changes an account's name, language and roles. The site never loses its last
/// administrator, and nobody takes the administrator role from themselves.
/// </summary>
public sealed class UpdateUser(BayanDb db, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(Actor actor, int userId, UserForm form, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        // Serializable: two administrators taking the role from each other at the same moment must
        // not both succeed (PostgreSQL then refuses one; SQLite writes one at a time anyway).
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var user = await db.Users.Include(u => u.Offices).Include(u => u.Languages).AsSplitQuery()
            .FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return new Outcome.NotFound();
        var errors = await form.CheckAsync(db, ct);
        if (user.IsAdministrator && !form.IsAdministrator)
        {
            if (user.Id == actor.UserId)
                errors["administrator"] = new Problem("users_keep_own_admin");
            else if (!await db.Users.AnyAsync(u => u.IsAdministrator && u.Id != user.Id, ct))
                errors["administrator"] = new Problem("users_last_admin");
        }
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);

        user.DisplayName = form.Name;
        user.Language = form.Language;
        user.IsAdministrator = form.IsAdministrator;
        user.IsModerator = form.IsModerator;
        var offices = form.OfficeRows.ToDictionary(o => o.OfficeId);
        user.Offices.RemoveAll(o => !offices.ContainsKey(o.OfficeId));
        foreach (var kept in user.Offices)
            kept.CanPublish = offices[kept.OfficeId].CanPublish;
        user.Offices.AddRange(offices.Values.Where(o => user.Offices.All(u => u.OfficeId != o.OfficeId)));
        user.Languages.RemoveAll(l => !form.LanguageCodes.Contains(l.Language));
        user.Languages.AddRange(form.LanguageCodes.Where(code => user.Languages.All(l => l.Language != code)).Select(code => new UserLanguage { Language = code }));
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "user.changed", $"user:{user.Email}", form.Describe());
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (IsSerializationFailure(e))
        {
            db.ChangeTracker.Clear();
            return new Outcome.Invalid(new Dictionary<string, Problem> { ["administrator"] = new("users_try_again") });
        }
        return new Outcome.Done(user.Id, new Problem("users_saved"));
    }

    private static bool IsSerializationFailure(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.SerializationFailure;
}
