using Bayan.Operations;
using System.Text.RegularExpressions;
using Bayan.Data;
using Bayan.Slugs;

namespace Bayan.Editing;

/// <summary>What every language version must satisfy before anything is saved.</summary>
public static partial class VersionRules
{
    public static Dictionary<string, Problem> Check(string? title, string? slug, string? summary, string? body)
    {
        var errors = new Dictionary<string, Problem>();
        var trimmedTitle = title?.Trim() ?? "";
        if (trimmedTitle.Length == 0)
            errors["title"] = new Problem("edit_title_required");
        else if (trimmedTitle.Length > Limits.Title)
            errors["title"] = new Problem("edit_too_long", Limits.Title);
        else if (Markup().IsMatch(trimmedTitle))
            errors["title"] = new Problem("edit_no_html");
        if (!string.IsNullOrWhiteSpace(slug) && !Slug.IsWellFormed(slug.Trim()))
            errors["slug"] = new Problem("edit_slug_invalid", Limits.Slug);
        else if (string.IsNullOrWhiteSpace(slug) && trimmedTitle.Length > 0 && Slug.From(trimmedTitle).Length == 0)
            errors["slug"] = new Problem("edit_slug_required");
        if ((summary?.Length ?? 0) > Limits.Summary)
            errors["summary"] = new Problem("edit_too_long", Limits.Summary);
        else if (summary is not null && Markup().IsMatch(summary))
            errors["summary"] = new Problem("edit_no_html");
        if ((body?.Length ?? 0) > Limits.Body)
            errors["body"] = new Problem("edit_too_long", Limits.Body);
        return errors;
    }

    /// <summary>The slug to store: the editor's, else one made from the title.</summary>
    public static string SlugFor(string title, string? slug) =>
        string.IsNullOrWhiteSpace(slug) ? Slug.From(title.Trim()) : slug.Trim();

    // Titles and summaries are plain text: anything that looks like a tag is refused rather than stored.
    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!][^>]*>|<\s*[a-zA-Z]")]
    private static partial Regex Markup();
}
