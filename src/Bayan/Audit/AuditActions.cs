using Bayan.Localization;

namespace Bayan.Audit;

/// <summary>
/// The actions the audit log records, and their names in the reader's language: the log keeps
/// the stable code ("release.published"), the back office shows "Release published" or "نشر بيان".
/// </summary>
public static class AuditActions
{
    private const string KeyPrefix = "audit_action_";

    /// <summary>Every action Bayan records; each has a name in every catalogue (a test holds them to it).</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "backup.downloaded",
        "category.created",
        "category.changed",
        "category.deleted",
        "comment.approve",
        "comment.reject",
        "comment.markasspam",
        "comment.delete",
        "embargo-link.created",
        "embargo-link.revoked",
        "hijri-month.recorded",
        "hijri-month.removed",
        "import.started",
        "link-list.link-added",
        "link-list.link-removed",
        "media.uploaded",
        "media.described",
        "menu.item-added",
        "menu.item-moved",
        "menu.item-removed",
        "office.created",
        "office.changed",
        "page.created",
        "page.changed",
        "page.deleted",
        "redirect.added",
        "redirect.removed",
        "redirect.imported-changed",
        "release.created",
        "release.details-changed",
        "release.media-changed",
        "release.submitted",
        "release.returned-to-draft",
        "release.scheduled",
        "release.published",
        "release.corrected",
        "release.retracted",
        "release.comments-closed",
        "release.comments-opened",
        "site.set-up",
        "site.settings-changed",
        "site.dates-changed",
        "tag.renamed",
        "tag.merged",
        "tag.deleted",
        "token.created",
        "token.revoked",
        "user.created",
        "user.changed",
        "user.language",
        "user.password-link",
        "user.password-set",
        "user.password-changed",
        "user.signed-out-everywhere",
        "user.unlocked",
        "version.saved",
        "webhook.created",
        "webhook.changed",
        "webhook.secret-rotated",
        "webhook.pinged",
        "webhook.resent",
        "webhook.enabled",
        "webhook.disabled",
        "webhook.deleted",
    ];

    /// <summary>The action's name in the language; an action without one (from a newer version, say) shows its code.</summary>
    public static string NameIn(string action, string language) =>
        Messages.For(language).TryGetValue(KeyPrefix + action, out var name) ? name : action;

    /// <summary>Whether the English catalogue names the action; every other language is held to English's keys.</summary>
    public static bool IsNamed(string action) => Messages.Raw(Messages.Fallback).ContainsKey(KeyPrefix + action);
}
