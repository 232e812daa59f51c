using Bayan.Offices;
using Bayan.Operations;
using Bayan.Sites;
using Bayan.Web.Areas.Admin.Pages.Releases;
using Bayan.Web.Areas.Admin.Pages.Users;

namespace Bayan.Web.Areas.Admin.Pages.Webhooks;

/// <summary>An endpoint's fields, as the new and the edit form both show them.</summary>
public sealed record WebhookFields(
    string Url, string Description, IReadOnlyCollection<string> Events, int? OfficeId, string? Language,
    WebhookChoices Choices, IReadOnlyDictionary<string, Problem> Errors);

/// <summary>What the filter offers: the site's offices and languages.</summary>
public sealed record WebhookChoices(IReadOnlyList<Choice> Offices, IReadOnlyList<Choice> Languages)
{
    public static readonly WebhookChoices None = new([], []);

    public static async Task<WebhookChoices> LoadAsync(OfficeQueries officeQueries, SiteQueries siteQueries, string language, CancellationToken ct)
    {
        var offices = await officeQueries.AllAsync(ct);
        var languages = await siteQueries.LanguageCodesAsync(ct);
        return new WebhookChoices([.. offices.Select(o => new Choice(o.Id.ToString(), o.NameIn(language)))], [.. languages.Select(UserChoices.Named)]);
    }
}
