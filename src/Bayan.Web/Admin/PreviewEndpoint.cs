using Bayan.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Admin;

internal static class PreviewEndpoint
{
    /// <summary>
    /// The editor's live preview: the same renderer and sanitiser as the public page, so what the
    /// editor sees is what readers will get. A form post, so antiforgery applies.
    /// </summary>
    public static void MapPreview(this WebApplication app) =>
        app.MapPost("/admin/preview", ([FromForm] string? markdown) =>
                Results.Content(MarkdownRenderer.ToSafeHtml(markdown ?? ""), "text/html; charset=utf-8"))
            .RequireAuthorization();
}
