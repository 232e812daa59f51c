using System.Net;
using System.Text;
using Bayan.Localization;
using Bayan.Offices;

namespace Bayan.Feeds;

/// <summary>
/// An office's signature block as HTML for a feed's full text, which no theme renders: the same
/// lines as the release page's, each with its own language and direction where it differs.
/// </summary>
public static class SignatureHtml
{
    public static string Write(OfficeSignature signature, string language)
    {
        var html = new StringBuilder("<address class=\"signature\">");
        html.Append("<p>").Append(Text(signature.Name, "strong")).Append("</p>");
        if (signature.Address is { } address)
            html.Append("<p lang=\"").Append(address.Language).Append("\" dir=\"").Append(address.Direction).Append("\">")
                .AppendJoin("<br>", address.Lines.Select(WebUtility.HtmlEncode)).Append("</p>");
        var contact = new[] { ("signature_website", signature.Website), ("signature_telephone", signature.Telephone), ("signature_email", signature.Email) }
            .Where(c => c.Item2 is not null)
            .Select(c => $"{WebUtility.HtmlEncode(Messages.Get(language, c.Item1))}: {Link(c.Item2!)}")
            .ToList();
        if (contact.Count > 0)
            html.Append("<p>").AppendJoin(" · ", contact).Append("</p>");
        if (signature.Social.Count > 0)
            html.Append("<p>").Append(WebUtility.HtmlEncode(Messages.Get(language, "signature_follow"))).Append(": ")
                .AppendJoin(" · ", signature.Social.Select(Link)).Append("</p>");
        return html.Append("</address>").ToString();
    }

    private static string Text(SignatureText text, string element) =>
        $"<{element} lang=\"{text.Language}\" dir=\"{text.Direction}\">{WebUtility.HtmlEncode(text.Text)}</{element}>";

    private static string Link(SignatureLink link) =>
        $"<a href=\"{WebUtility.HtmlEncode(link.Url)}\" dir=\"ltr\">{WebUtility.HtmlEncode(link.Text)}</a>";
}
