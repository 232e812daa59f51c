using Bayan.Offices;
using Bayan.Sites;
using Bayan.Localization;
using Bayan.Operations;
using Bayan.Web.Areas.Admin.Pages.Releases;

namespace Bayan.Web.Areas.Admin.Pages.Users;

/// <summary>The name, language and role fields of an account, as the new and the edit form both show them.</summary>
public sealed record UserFields(
    string DisplayName,
    string Language,
    bool IsAdministrator,
    bool IsModerator,
    IReadOnlyCollection<int> OfficeIds,
    IReadOnlyCollection<string> LanguageCodes,
    UserChoices Choices,
    IReadOnlyDictionary<string, Problem> Errors,
    IReadOnlyCollection<int> WriterOfficeIds);

/// <summary>What the role fields offer: the site's offices and languages, and the back office's languages.</summary>
public sealed record UserChoices(IReadOnlyList<Choice> Offices, IReadOnlyList<Choice> SiteLanguages, IReadOnlyList<Choice> BackOfficeLanguages)
{
    public static readonly UserChoices None = new([], [], []);

    public static async Task<UserChoices> LoadAsync(OfficeQueries officeQueries, SiteQueries sites, string language, CancellationToken ct)
    {
        var offices = await officeQueries.AllAsync(ct);
        var siteLanguages = await sites.LanguageCodesAsync(ct);
        return new UserChoices(
            [.. offices.Select(o => new Choice(o.Id.ToString(), o.NameIn(language)))],
            [.. siteLanguages.Select(Named)],
            [.. Messages.Translated.Order(StringComparer.Ordinal).Select(Named)]);
    }

    public static Choice Named(string code) => new(code, Languages.Find(code)?.NativeName ?? code);
}

/// <summary>A message named in the address after a redirect ("?done=users_saved"); only this feature's own keys are shown.</summary>
public static class DoneMessage
{
    public static string? Key(string? done, string language) =>
        done is not null && done.StartsWith("users_", StringComparison.Ordinal) && Messages.For(language).ContainsKey(done) ? done : null;
}
