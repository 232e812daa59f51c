using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Categories;
using Bayan.Comments;
using Bayan.Embargo;
using Bayan.Media;
using Bayan.Navigation;
using Bayan.Numbering;
using Bayan.Offices;
using Bayan.Pages;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Tags;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Bayan.Exporting;

/// <summary>
/// The one list of what an export holds: every kind of row of the site, each written to a file of its own
/// (<c>offices.jsonl</c>), in the order an import writes them back (a row's references come before it). A
/// table the model has must be here or in <see cref="NotExported"/> with the reason, or a test fails: a
/// new table is never silently left out of exports.
/// </summary>
public static class ExportKinds
{
    public static readonly IReadOnlyList<ExportKind> All =
    [
        new("site", typeof(Site)),
        new("site-languages", typeof(SiteLanguage)),
        new("offices", typeof(Office)),
        new("office-names", typeof(OfficeName)),
        new("hijri-month-starts", typeof(HijriMonthStart)),
        new("number-sequences", typeof(NumberSequence)),
        new("users", typeof(User)),
        new("user-claims", typeof(IdentityUserClaim<int>)),
        new("user-logins", typeof(IdentityUserLogin<int>)),
        new("user-tokens", typeof(IdentityUserToken<int>)),
        new("user-offices", typeof(UserOffice)),
        new("user-languages", typeof(UserLanguage)),
        new("categories", typeof(Category)),
        new("category-names", typeof(CategoryName)),
        new("tags", typeof(Tag)),
        new("tag-names", typeof(TagName)),
        new("media", typeof(MediaItem)),
        new("media-texts", typeof(MediaText)),
        new("releases", typeof(Release)),
        new("release-versions", typeof(ReleaseVersion)),
        new("revisions", typeof(Revision)),
        new("release-categories", "ReleaseCategories"),
        new("release-tags", "ReleaseTags"),
        new("release-attachments", typeof(ReleaseAttachment)),
        new("held-edits", typeof(Editing.HeldEdit)),
        new("embargo-links", typeof(EmbargoLink)),
        new("comments", typeof(Comment)),
        new("pages", typeof(StaticPage)),
        new("menu-items", typeof(MenuItem)),
        new("link-lists", typeof(LinkList)),
        new("link-list-items", typeof(LinkListItem)),
        new("audit-log", typeof(AuditEntry)),
        new("redirects", typeof(Redirects.Redirect)),
        new("imported-items", typeof(Importing.ImportedItem)),
        new("access-tokens", typeof(Tokens.AccessToken)),
        // Secrets are kept encrypted with this server's keys, which another server cannot read: the export holds
        // them as the receivers know them ("whsec_..."), and an import encrypts them with its own keys.
        new("webhook-endpoints", typeof(Webhooks.WebhookEndpoint)) { Secrets = ["Secret", "PreviousSecret"] },
        new("webhook-messages", typeof(Webhooks.WebhookMessage)),
        new("webhook-deliveries", typeof(Webhooks.WebhookDelivery)),
        new("webhook-attempts", typeof(Webhooks.WebhookAttempt)),
    ];

    /// <summary>Tables an export leaves out on purpose, each with why: nothing a reader or an editor would miss.</summary>
    public static readonly IReadOnlyDictionary<Type, string> NotExported = new Dictionary<Type, string>
    {
        [typeof(UserSession)] = "sign-ins of this server: their cookies are sealed with its keys; users sign in again",
        [typeof(Changes.ChangeCount)] = "a counter by which the processes of one site notice each other's changes",
        [typeof(Tokens.IdempotentAnswer)] = "answers kept a day for API calls that are retried, sealed with this server's keys",
        [typeof(Importing.Jobs.ImportJob)] = "imports started from the back office; their uploads stay in this server's data folder",
    };

    /// <summary>Media files are copied under this folder of the export, at their paths under the media folder.</summary>
    public const string MediaFolder = "media";

    public const string ManifestFile = "manifest.json";
}

/// <summary>
/// One kind of row in an export: its name (and file, <c>{name}.jsonl</c>) and the entity of the model it holds, named by
/// its class or, for a table with no class of its own (the links of releases and categories), by its name in the model.
/// </summary>
public sealed record ExportKind
{
    public ExportKind(string name, Type entity) => (Name, Entity) = (name, entity);

    public ExportKind(string name, string sharedEntity) => (Name, SharedEntity) = (name, sharedEntity);

    public string Name { get; }
    public Type? Entity { get; }
    public string? SharedEntity { get; }

    public string FileName => Name + ".jsonl";

    /// <summary>Fields kept encrypted with the server's keys (<see cref="Webhooks.WebhookSecretVault"/>): exported readable.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    public IEntityType EntityIn(IModel model) =>
        (Entity is not null ? model.FindEntityType(Entity) : model.FindEntityType(SharedEntity!))
        ?? throw new InvalidOperationException($"The export kind {Name} names no entity of the model.");
}
