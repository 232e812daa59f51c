using System.Net;
using AngleSharp.Html.Parser;

namespace Bayan.Feeds;

/// <summary>A release's sanitised body made ready to travel in a feed, away from the page it was written for.</summary>
public static class FeedHtml
{
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// The body inside a block that carries its language and direction (readers rarely guess right to
    /// left), after a line with the reference number and the featured image, every link and image
    /// made absolute against the release's address: a feed reader has no page to resolve "/media/..." against.
    /// The office's signature block ends it, as it ends the page.
    /// </summary>
    public static string Content(string bodyHtml, string pageUrl, string language, string direction, string? lead, string? image, string? signatureHtml = null)
    {
        var document = Parser.ParseDocument(string.Empty);
        var block = document.CreateElement("div");
        block.SetAttribute("lang", language);
        block.SetAttribute("dir", direction);
        block.InnerHtml =
            (lead is null ? "" : $"<p>{WebUtility.HtmlEncode(lead)}</p>")
            + (image is null ? "" : $"<p><img src=\"{WebUtility.HtmlEncode(image)}\" alt=\"\"></p>")
            + bodyHtml
            + signatureHtml;
        var baseUri = new Uri(pageUrl);
        foreach (var element in block.QuerySelectorAll("[href], [src]"))
        {
            foreach (var name in new[] { "href", "src" })
            {
                if (element.GetAttribute(name) is { } value && Absolute(baseUri, value) is { } absolute)
                    element.SetAttribute(name, absolute);
            }
        }
        return block.OuterHtml;
    }

    /// <summary>Null when the address is absolute already (https:, mailto:) or cannot be resolved.</summary>
    private static string? Absolute(Uri baseUri, string value)
    {
        // "/media/x.pdf" counts as an absolute file path on Unix, so a scheme is looked for by hand.
        var colon = value.IndexOf(':');
        var slash = value.IndexOfAny(['/', '?', '#']);
        if (colon > 0 && (slash < 0 || colon < slash))
            return null;
        return Uri.TryCreate(baseUri, value, out var resolved) ? resolved.AbsoluteUri : null;
    }
}
