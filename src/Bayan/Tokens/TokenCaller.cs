using Bayan.Accounts;

namespace Bayan.Tokens;

/// <summary>
/// Who calls the API: a live token, its scopes, and the <see cref="Actor"/> every operation asks,
/// the same rules as the back office, narrowed by the scopes.
/// </summary>
public sealed record TokenCaller(int TokenId, string TokenName, IReadOnlySet<TokenScope> Scopes, Actor Actor)
{
    public bool Allows(TokenScope scope) => Scopes.Allows(scope);

    /// <summary>
    /// The person's rights, narrowed: without <see cref="TokenScope.Publish"/> nobody publishes (an
    /// edit of a published release then waits for review, as a writer's does); without
    /// <see cref="TokenScope.Moderate"/> nobody moderates; without <see cref="TokenScope.Admin"/> an
    /// administrator acts as an editor of every office and nothing more. The name, which the audit
    /// log and revisions record, names the token too.
    /// </summary>
    /// <param name="allOffices">Every office's id: what an administrator's token edits without the admin scope.</param>
    public static Actor ActorFor(User user, string tokenName, IReadOnlySet<TokenScope> scopes, IReadOnlyCollection<int> allOffices)
    {
        var administrator = user.IsAdministrator;
        var offices = administrator ? allOffices.ToHashSet() : user.Offices.Select(o => o.OfficeId).ToHashSet();
        HashSet<int> publishes = !scopes.Allows(TokenScope.Publish) ? []
            : administrator ? offices
            : user.Offices.Where(o => o.CanPublish).Select(o => o.OfficeId).ToHashSet();
        return new Actor(
            user.Id,
            NameFor(user.DisplayName, tokenName),
            administrator && scopes.Allows(TokenScope.Admin),
            (administrator || user.IsModerator) && scopes.Allows(TokenScope.Moderate),
            offices,
            user.Languages.Select(l => l.Language).ToHashSet(),
            publishes);
    }

    /// <summary>"Amina Haddad (token newsletter)", within the audit log's column.</summary>
    public static string NameFor(string person, string tokenName)
    {
        var suffix = $" (token {tokenName})";
        var room = Data.Limits.Title - suffix.Length;
        return (person.Length > room ? person[..room] : person) + suffix;
    }
}
