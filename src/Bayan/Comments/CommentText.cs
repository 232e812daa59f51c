using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Bayan.Comments;

/// <summary>Comments are plain text: markup is refused, however it is dressed, and text is shown encoded.</summary>
public static partial class CommentText
{
    /// <summary>
    /// Whether the text holds HTML, also behind character references ("&amp;lt;b&amp;gt;", "&amp;#60;script"):
    /// decoded a few times over, since each layer of encoding hides one more.
    /// </summary>
    public static bool ContainsMarkup(string text)
    {
        var current = text;
        for (var i = 0; i < 4; i++)
        {
            if (Tag().IsMatch(current))
                return true;
            var decoded = WebUtility.HtmlDecode(current);
            if (decoded == current)
                return false;
            current = decoded;
        }
        return Tag().IsMatch(current);
    }

    /// <summary>The text encoded, its line breaks kept and its web addresses made links that pass no reputation.</summary>
    public static string ToHtml(string text)
    {
        var html = new StringBuilder();
        var position = 0;
        foreach (Match link in Address().Matches(text))
        {
            html.Append(Encode(text[position..link.Index]));
            var url = link.Value.TrimEnd('.', ',', ')', '!', '?', '؟', '،');
            html.Append($"<a href=\"{WebUtility.HtmlEncode(url)}\" rel=\"nofollow ugc\">{WebUtility.HtmlEncode(url)}</a>");
            position = link.Index + url.Length;
        }
        html.Append(Encode(text[position..]));
        return html.ToString();
    }

    private static string Encode(string text) =>
        WebUtility.HtmlEncode(text).Replace("\r\n", "\n").Replace("\n", "<br>\n");

    /// <summary>Characters no page can show (NUL and the like); line breaks and tabs are text.</summary>
    public static bool HasControlCharacters(string text) => text.Any(IsHidden);

    /// <summary>The text without what <see cref="HasControlCharacters"/> finds, to give back to the reader.</summary>
    public static string WithoutControlCharacters(string text) =>
        HasControlCharacters(text) ? new string([.. text.Where(c => !IsHidden(c))]) : text;

    private static bool IsHidden(char c) => char.IsControl(c) && c is not '\n' and not '\r' and not '\t';

    // A tag is only markup once it closes: "a<b" and "x <y" are a reader's plain text.
    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!?][^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
