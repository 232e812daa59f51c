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

    /// <summary>Offices this person writes for; as an editor (<see cref="UserOffice.CanPublish"/>) also reviews and publishes.</summary>
    public List<UserOffice> Offices { get; set; } = [];

    /// <summary>Languages this person translates into.</summary>
    public List<UserLanguage> Languages { get; set; } = [];
}

public sealed class UserOffice
{
    public int UserId { get; set; }
    public int OfficeId { get; set; }

    /// <summary>An editor publishes the office's releases; a writer (false) drafts and submits them for review.</summary>
    public bool CanPublish { get; set; } = true;
}

public sealed class UserLanguage
{
    public int UserId { get; set; }
    public required string Language { get; set; }
}
