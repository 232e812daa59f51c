using Bayan.Data;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Accounts;

/// <summary>Back-office accounts as the back office reads them.</summary>
public sealed class UserQueries(BayanDb db)
{
    /// <summary>Whether the site has an administrator: until then, only the setup page opens.</summary>
    public Task<bool> AnyAdministratorAsync(CancellationToken ct) => db.Users.AnyAsync(u => u.IsAdministrator, ct);

    /// <summary>
    /// The signed-in person with their offices and languages, tracked: what they may do comes from it,
    /// and operations on their own account change it.
    /// </summary>
    public Task<User?> SignedInAsync(int id, CancellationToken ct) =>
        db.Users.Include(u => u.Offices).Include(u => u.Languages).FirstOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>A person's account with their offices and languages; null when there is none.</summary>
    public Task<User?> WithAccessAsync(int id, CancellationToken ct) =>
        db.Users.AsNoTracking().Include(u => u.Offices).Include(u => u.Languages).AsSplitQuery()
            .FirstOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>
    /// One page of the accounts in the order of <see cref="AllAsync"/> (by name, then id, so pages never
    /// overlap), and how many there are in all. <paramref name="page"/> counts from 1.
    /// </summary>
    public async Task<(List<User> Users, int Total)> PageAsync(int page, int size, CancellationToken ct)
    {
        var total = await db.Users.CountAsync(ct);
        var users = await db.Users.AsNoTracking().Include(u => u.Offices).Include(u => u.Languages)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip((page - 1) * size).Take(size).AsSplitQuery().ToListAsync(ct);
        return (users, total);
    }

    /// <summary>Every account with its offices and languages, by name.</summary>
    public Task<List<User>> AllAsync(CancellationToken ct) =>
        db.Users.AsNoTracking().Include(u => u.Offices).Include(u => u.Languages)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).AsSplitQuery().ToListAsync(ct);

    /// <summary>The account with this e-mail address (compared as sign-in compares it, ignoring case); null when there is none.</summary>
    public Task<User?> ByEmailAsync(string email, CancellationToken ct)
    {
        // The same normalisation as ASP.NET Core Identity's, which filled NormalizedEmail.
        var wanted = email.Trim().ToUpperInvariant();
        return db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == wanted, ct);
    }
}
