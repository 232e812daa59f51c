using Microsoft.AspNetCore.Identity;

namespace Bayan.Accounts;

/// <summary>
/// A back-office account. Identity keeps the password hash, lockout and security stamp; what the
/// person may do is said here: administrator, editor of offices, translator of languages, moderator.
/// </summary>
public sealed class User : IdentityUser<int>
{
    public required string DisplayName { get; set; }

    /// <summary>The language the back office speaks to this person in.</summary>
    public string Language { get; set; } = "en";

    public bool IsAdministrator { get; set; }
    public bool IsModerator { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Offices this person edits: writes, reviews and publishes their releases.</summary>
    public List<UserOffice> Offices { get; set; } = [];

    /// <summary>Languages this person translates into.</summary>
    public List<UserLanguage> Languages { get; set; } = [];
}

public sealed class UserOffice
{
    public int UserId { get; set; }
    public int OfficeId { get; set; }
}

public sealed class UserLanguage
{
    public int UserId { get; set; }
    public required string Language { get; set; }
}
