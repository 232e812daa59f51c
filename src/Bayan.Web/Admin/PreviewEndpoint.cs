using System.Net;
using Bayan.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Admin;

internal static class PreviewEndpoint
{
    /// <summary>
    /// The editor's live preview: the same renderer and sanitiser as the public page, so what the
    /// editor sees is what readers will get, and a warning above it when the sanitiser took something
    /// out (else an unclosed "&lt;script" would silently swallow the rest). A form post, so antiforgery applies.
    /// </summary>
    public static void MapPreview(this WebApplication app) =>
        app.MapPost("/admin/preview", ([FromForm] string? markdown, AdminText text) =>
                Results.Content(WithWarning(MarkdownRenderer.ToSafeHtmlNotingRemovals(markdown ?? ""), text), "text/html; charset=utf-8"))
            .RequireAuthorization();

    private static string WithWarning(SanitisedHtml result, AdminText text)
    {
        if (!result.Changed)
            return result.Html;
        var lines = new List<string>();
        if (result.Removed.Count > 0)
            lines.Add(text.Format("admin_preview_removed", string.Join(", ", result.Removed)));
        if (result.TextLost)
            lines.Add(text["admin_preview_text_lost"]);
        var warning = string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"));
        return $"<div class=\"error preview-removed\" role=\"alert\">{warning}</div>\n{result.Html}";
    }
}
