using Bayan.Operations;
using System.Net.Mail;
using Bayan.Data;
using Bayan.Localization;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Accounts;

/// <summary>What an administrator says about an account: its name, the back office's language for it, and its roles.</summary>
public sealed record UserForm(
    string DisplayName,
    string Language,
    bool IsAdministrator,
    bool IsModerator,
    IReadOnlyCollection<int> Offices,
    IReadOnlyCollection<string> Languages,
    IReadOnlyCollection<int>? WriterOffices = null)
{
    public string Name => DisplayName?.Trim() ?? "";

    /// <summary>Offices the person edits: writes, reviews and publishes.</summary>
    public IReadOnlyList<int> OfficeIds => [.. (Offices ?? []).Distinct().Order()];

    /// <summary>Offices the person only writes for; an office ticked for both is edited.</summary>
    public IReadOnlyList<int> WriterOfficeIds => [.. (WriterOffices ?? []).Distinct().Except(OfficeIds).Order()];

    /// <summary>The account's office rows: editors publish, writers do not.</summary>
    internal IEnumerable<UserOffice> OfficeRows =>
        OfficeIds.Select(id => new UserOffice { OfficeId = id, CanPublish = true })
            .Concat(WriterOfficeIds.Select(id => new UserOffice { OfficeId = id, CanPublish = false }));

    public IReadOnlyList<string> LanguageCodes => [.. (Languages ?? []).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Field name to problem for every value the site cannot take; empty when all is well.</summary>
    internal async Task<Dictionary<string, Problem>> CheckAsync(BayanDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, Problem>();
        if (Name.Length is 0 or > Limits.Title || Name.Contains('<'))
            errors["display_name"] = new Problem("users_name_required", Limits.Title);
        if (!Messages.Translated.Contains(Language ?? ""))
            errors["language"] = new Problem("users_language_invalid");
        List<int> offices = [.. OfficeIds, .. WriterOfficeIds];
        if (await db.Offices.CountAsync(o => offices.Contains(o.Id), ct) != offices.Count)
            errors["offices"] = new Problem("users_office_unknown");
        var siteLanguages = await db.SiteLanguages.Select(l => l.Code).ToListAsync(ct);
        if (LanguageCodes.Except(siteLanguages).Any())
            errors["languages"] = new Problem("users_translation_language_unknown");
        return errors;
    }

    /// <summary>For the audit log: the roles in a few words.</summary>
    internal string Describe() =>
        $"name {Name}; language {Language}; administrator {IsAdministrator}; moderator {IsModerator}; " +
        $"offices {string.Join(",", OfficeIds)}; writes for {string.Join(",", WriterOfficeIds)}; translates {string.Join(",", LanguageCodes)}";

    /// <summary>An address alone, as Identity keeps it: no display name, no comments.</summary>
    internal static bool IsEmail(string email) =>
        email.Length <= 256 && MailAddress.TryCreate(email, out var address) && address.Address == email;
}

/// <summary>
/// A one-time "set your password" address for an account, shown to the administrator to pass on.
/// It holds Identity's password-reset token, which dies with the account's security stamp.
/// </summary>
public sealed record PasswordLink(int UserId, string Url)
{
    /// <summary>How long a link works; an administrator can always make a new one.</summary>
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(3);

    public const string Path = "/admin/password";

    public static PasswordLink For(int userId, string token) =>
        new(userId, $"{Path}?user={userId}&token={Uri.EscapeDataString(token)}");
}
