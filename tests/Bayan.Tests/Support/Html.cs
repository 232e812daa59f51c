using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Bayan.Tests.Support;

/// <summary>Fetches a page and parses it, so tests assert what a reader would see.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(this HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response, await Parser.ParseDocumentAsync(text));
    }

    /// <summary>The element's text as a reader reads it: no-break spaces and hyphens (inside dates) as ordinary ones.</summary>
    public static string Text(this IDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim().Readable() ?? throw new Xunit.Sdk.XunitException($"No element matches '{selector}'.");

    /// <summary>Text with its no-break spaces and hyphens as ordinary ones; tests of line breaking look at the text itself.</summary>
    public static string Readable(this string text) => text.Replace('\u00A0', ' ').Replace('\u2011', '-');

    /// <summary>Whatever went wrong, a reader never sees the inside of the program.</summary>
    public static void AssertNoStackTrace(string body)
    {
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain(".cs:line", body);
    }
}
