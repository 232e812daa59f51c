using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bayan.Data;
using Bayan.Importing.WordPress;
using Bayan.Slugs;

namespace Bayan.Importing.K2;

/// <summary>An item's text as a release keeps it.</summary>
internal sealed record K2Text(string Title, string? Slug, string Summary, string Body);

/// <summary>
/// Turns what K2 stores into what Bayan keeps: languages, bodies (introtext and fulltext, HTML made Markdown like
/// WordPress's), the metadata of extra fields, and where K2 keeps an item's image.
/// </summary>
internal static partial class K2Content
{
    /// <summary>
    /// A Joomla language ("ar-AA", "en-GB") as a Bayan language ("ar", "en"); "*" (all languages) or none: the
    /// language of the text's script if the site has it, else the site's default language.
    /// </summary>
    public static string Language(string joomla, string text, ISet<string> siteLanguages, string fallback)
    {
        var tag = joomla.Trim();
        if (tag.Length > 0 && tag != "*")
            return tag.Split('-')[0].ToLowerInvariant();
        return ScriptLanguage.Detect(text) is { } detected && siteLanguages.Contains(detected) ? detected : fallback;
    }

    /// <summary>
    /// Title, slug (the alias, when it is one Bayan takes), summary (the meta description) and body: introtext and
    /// fulltext together, as the item's page showed them, after a caption of the item's image when it has one.
    /// </summary>
    public static K2Text Text(K2Item item, string? imageCaption)
    {
        var html = item.FullText.Trim().Length > 0 ? item.IntroText + "\n\n" + item.FullText : item.IntroText;
        var body = WordPressContent.ToMarkdown(html).Markdown;
        if (imageCaption is { Length: > 0 })
            body = $"<figure class=\"image-caption\"><figcaption>{System.Net.WebUtility.HtmlEncode(imageCaption)}</figcaption></figure>\n\n{body}";
        var title = WordPressContent.PlainText(item.Title);
        var alias = item.Alias.Trim().ToLowerInvariant();
        if (title.Length == 0)
            title = alias.Length > 0 ? alias.Replace('-', ' ') : $"#{item.Id}";
        return new K2Text(ImportLedger.Cut(title, Limits.Title)!, Slug.IsWellFormed(alias) ? alias : null,
            ImportLedger.Cut(WordPressContent.PlainText(item.MetaDescription), Limits.Summary)!, body);
    }

    /// <summary>The image's caption and credits as K2 showed them under it.</summary>
    public static string? Caption(K2Item item)
    {
        var caption = WordPressContent.PlainText(item.ImageCaption);
        var credits = WordPressContent.PlainText(item.ImageCredits);
        return (caption.Length, credits.Length) switch
        {
            (0, 0) => null,
            (_, 0) => caption,
            (0, _) => credits,
            _ => $"{caption} ({credits})",
        };
    }

    /// <summary>Joomla plugin tags an item's text holds ({loadposition x}, {gallery}...{/gallery}): kept as text, and named in the report.</summary>
    public static IEnumerable<string> PluginTags(K2Item item) =>
        PluginTag().Matches(item.IntroText + item.FullText).Select(m => m.Groups["name"].Value.ToLowerInvariant()).Distinct().Order();

    /// <summary>
    /// What Bayan has no field for, as JSON: the extra fields by name (K2 keeps them as [{"id":"1","value":...}])
    /// and whether the item was featured; null when there is nothing.
    /// </summary>
    public static string? Metadata(K2Item item, IReadOnlyDictionary<int, string> fieldNames)
    {
        var fields = new JsonObject();
        foreach (var (name, value) in ExtraFields(item, fieldNames))
            fields[name] = value;
        var metadata = new JsonObject();
        if (item.Featured)
            metadata["featured"] = true;
        if (fields.Count > 0)
            metadata["extra_fields"] = fields;
        return metadata.Count == 0 ? null : metadata.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The item's extra fields by their names (a field since deleted by its id); unreadable JSON gives none.</summary>
    public static IEnumerable<(string Name, JsonNode? Value)> ExtraFields(K2Item item, IReadOnlyDictionary<int, string> fieldNames)
    {
        if (string.IsNullOrWhiteSpace(item.ExtraFields))
            return [];
        try
        {
            if (JsonNode.Parse(item.ExtraFields) is not JsonArray list)
                return [];
            return list.OfType<JsonObject>().Select(field =>
            {
                var id = field["id"]?.ToString() ?? "";
                var name = int.TryParse(id, out var number) && fieldNames.TryGetValue(number, out var known) ? known : $"field {id}";
                return (name, field["value"]?.DeepClone());
            }).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>An extra field's value as text (a reference number kept with --numbers keep).</summary>
    public static string? ExtraField(K2Item item, IReadOnlyDictionary<int, string> fieldNames, string name) =>
        ExtraFields(item, fieldNames).Where(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(f => f.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : f.Value?.ToString()).FirstOrDefault();

    /// <summary>
    /// Where K2 keeps an item's image in a copy of the site's media/k2 folder: named by the MD5 of "Image" and the
    /// item's id, the upload in items/src, its sizes in items/cache (XL the largest). The folder given may also be
    /// media/k2/items itself.
    /// </summary>
    public static string? ImagePath(string? folder, int itemId)
    {
        if (folder is null)
            return null;
        var name = Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes("Image" + itemId)));
        foreach (var items in new[] { Path.Combine(folder, "items"), folder })
        {
            var candidates = new[] { Path.Combine(items, "src", name + ".jpg") }
                .Concat(new[] { "XL", "L", "M", "S", "XS" }.Select(size => Path.Combine(items, "cache", $"{name}_{size}.jpg")));
            if (candidates.FirstOrDefault(File.Exists) is { } found)
                return found;
        }
        return null;
    }

    /// <summary>An attachment's file under media/k2/attachments; null when the name would climb out of it.</summary>
    public static string? AttachmentPath(string folder, string fileName)
    {
        var root = Path.GetFullPath(Path.Combine(folder, "attachments"));
        var path = Path.GetFullPath(Path.Combine(root, fileName));
        return fileName.Length > 0 && path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    /// <summary>A Joomla plugin tag: {loadposition user1}, {gallery}folder{/gallery}, {youtube}id{/youtube}.</summary>
    [GeneratedRegex(@"\{(?<name>[a-zA-Z][\w-]*)(?:\s[^{}]*)?\}")]
    private static partial Regex PluginTag();
}
