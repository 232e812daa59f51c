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

    public static string Text(this IDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"No element matches '{selector}'.");

    /// <summary>Whatever went wrong, a reader never sees the inside of the program.</summary>
    public static void AssertNoStackTrace(string body)
    {
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain(".cs:line", body);
    }
}
