using System.Security.Claims;
using Bayan.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bayan.Web.Admin;

/// <summary>What the sign-in cookie carries besides the user's id: the back office's language for them.</summary>
public sealed class BayanClaims(UserManager<User> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    public const string Language = "bayan:lang";

    /// <summary>Only to show or hide links: every action still asks the database who may do it.</summary>
    public const string Administrator = "bayan:admin";

    /// <summary>Moderators and administrators: those who see the comment queue.</summary>
    public const string Moderator = "bayan:moderator";

    /// <summary>Administrators and editors of at least one office: those who write releases.</summary>
    public const string Editor = "bayan:editor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Language, user.Language));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        if (user.IsAdministrator)
            identity.AddClaim(new Claim(Administrator, "true"));
        if (user.IsAdministrator || user.IsModerator)
            identity.AddClaim(new Claim(Moderator, "true"));
        if (user.IsAdministrator || await UserManager.Users.AnyAsync(u => u.Id == user.Id && u.Offices.Any()))
            identity.AddClaim(new Claim(Editor, "true"));
        return identity;
    }
}
