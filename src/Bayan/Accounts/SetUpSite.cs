using Bayan.Operations;
using System.Net.Mail;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Localization;
using Bayan.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Accounts;

public sealed record SiteSetup(
    string SiteName,
    IReadOnlyList<string> Languages,
    string DefaultLanguage,
    string TimeZone,
    string AdminName,
    string Email,
    string Password,
    string? AdminLanguage = null);

/// <summary>
/// The first run: the site's basics and its first administrator, together or not at all. Once an
/// administrator exists it refuses, so it can never run twice.
/// </summary>
public sealed class SetUpSite(BayanDb db, UserManager<User> users, TimeProvider clock, IContentChanges changes)
{
    public async Task<(User? Admin, IReadOnlyDictionary<string, Problem> Errors)> RunAsync(SiteSetup setup, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(u => u.IsAdministrator, ct))
            return (null, new Dictionary<string, Problem> { ["site"] = new("setup_done_already") });

        var errors = new Dictionary<string, Problem>();
        // A site filled by `bayan demo` already has its basics: then only the administrator is made.
        var siteExists = await db.Sites.AnyAsync(ct);
        var siteName = setup.SiteName?.Trim() ?? "";
        var languages = (setup.Languages ?? []).Distinct().ToList();
        if (!siteExists)
        {
            if (siteName.Length is 0 or > Limits.Title)
                errors["site_name"] = new Problem("setup_site_name_required", Limits.Title);
            if (languages.Count == 0 || languages.Any(l => Localization.Languages.Find(l) is null))
                errors["languages"] = new Problem("setup_languages_required");
            if (!languages.Contains(setup.DefaultLanguage))
                errors["default_language"] = new Problem("setup_default_language_invalid");
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(setup.TimeZone ?? "", out _))
                errors["time_zone"] = new Problem("setup_time_zone_invalid", setup.TimeZone ?? "");
        }
        var adminName = setup.AdminName?.Trim() ?? "";
        if (adminName.Length is 0 or > Limits.Title)
            errors["admin_name"] = new Problem("setup_admin_name_required");
        if (!MailAddress.TryCreate(setup.Email?.Trim(), out _))
            errors["email"] = new Problem("setup_email_invalid");
        // The back office speaks the language its administrator chose on the setup page; a caller
        // that asks none gets the site's default, when the back office is written in it.
        var adminLanguage = setup.AdminLanguage ?? (Messages.Translated.Contains(setup.DefaultLanguage) ? setup.DefaultLanguage : Messages.Fallback);
        if (!Messages.Translated.Contains(adminLanguage))
            errors["admin_language"] = new Problem("setup_admin_language_invalid", adminLanguage);
        var user = new User
        {
            UserName = setup.Email?.Trim(),
            Email = setup.Email?.Trim(),
            EmailConfirmed = true,
            DisplayName = adminName,
            Language = adminLanguage,
            IsAdministrator = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, setup.Password ?? "");
            if (!result.Succeeded)
                errors["password"] = new Problem("setup_password_weak", 10);
        }
        if (errors.Count > 0)
            return (null, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!siteExists)
        {
            db.Sites.Add(new Site { DefaultLanguage = setup.DefaultLanguage, TimeZone = setup.TimeZone!, UpdatedAt = now });
            db.SiteLanguages.AddRange(languages.Select((code, i) => new SiteLanguage { Code = code, Position = i, SiteName = siteName }));
        }
        await db.SaveChangesAsync(ct);
        var created = await users.CreateAsync(user, setup.Password!);
        if (!created.Succeeded)
            return (null, new Dictionary<string, Problem> { ["email"] = new("setup_email_invalid") });
        AuditLog.Record(db, now, adminName, "site.set-up", "site", $"{siteName}; languages {string.Join(",", languages)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything("site set up"));
        return (user, errors);
    }
}
