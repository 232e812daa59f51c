using Bayan.Dates;
using Bayan.Localization;
using Bayan.Releases;
using Bayan.Navigation;
using Bayan.Sites;

namespace Bayan.Web.PublicSite;

/// <summary>
/// What a version's page says about the version itself, beside its text: the correction or retraction
/// note in the page's language (else the original's, marked with its own language and direction), and,
/// for a translation whose original changed after it was translated, a dated notice leading to the original.
/// </summary>
internal static class VersionNotes
{
    public static NoteText? Pick(Release release, ReleaseVersion version, Func<ReleaseVersion, string?> note)
    {
        var chosen = note(version) is { Length: > 0 } ? version
            : release.Versions.FirstOrDefault(v => v.IsOriginal && note(v) is { Length: > 0 });
        return chosen is null ? null : new NoteText(note(chosen)!, chosen.Language, Languages.Get(chosen.Language).Direction);
    }

    public static OutdatedNotice? Outdated(Release release, ReleaseVersion version, SiteSnapshot site, string lang)
    {
        var original = release.Versions.FirstOrDefault(v => v.IsOriginal);
        if (original is null || !version.IsOutdatedAgainst(original) || !site.IsEnabled(original.Language))
            return null;
        var changed = site.Dates.Dateline(original.UpdatedAt, release.Office, lang);
        return new OutdatedNotice(
            Messages.Format(lang, "release_outdated", changed.Text),
            changed,
            new Link(Messages.Format(lang, "release_outdated_read_original", Languages.Get(original.Language).NativeName), ReleasePage.UrlOf(release, original)),
            original.Language);
    }
}

/// <summary>A note with the language it is written in, so a page of another language marks it.</summary>
public sealed record NoteText(string Text, string Language, string Direction);

/// <summary>"The original was changed on ... after this translation was made", and the way to it.</summary>
public sealed record OutdatedNotice(string Text, LocalDate Date, Link Original, string OriginalLanguage);
