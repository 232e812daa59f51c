using System.Text.Json;
using Bayan.Web.Api.Content;
using Bayan.Web.Api.Tokens;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Bayan.Web.Api;

/// <summary>
/// The OpenAPI 3.1 document at /api/v1/openapi.json, made from the endpoints themselves: their routes,
/// parameters and answers, the descriptions written beside them, examples of the main answers, and
/// the bearer scheme that tokens use (endpoints that need one say so).
/// </summary>
internal static class ApiDocument
{
    public const string BearerScheme = "bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        // The site's pages are endpoints too; the document describes the API alone.
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, context, ct) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Bayan API",
                Version = "v1",
                Description = """
                    The newsroom's releases, offices, categories, tags, static pages, menus and public settings as JSON.
                    The public content is read-only and needs no token: what a reader of the site may see, never a draft,
                    a release in review or an embargoed one. Writing (releases, translations, the workflow, media, comments,
                    categories, tags, pages, menus) needs a personal access token with a scope (`Authorization: Bearer`);
                    a change of a release is based on its ETag, its revision (`If-Match`), and a POST may carry an
                    `Idempotency-Key`. Public answers carry an ETag (send `If-None-Match` for `304 Not Modified`)
                    and are kept in the site's cache until what they show changes. Errors are RFC 9457 problem details
                    (`application/problem+json`) in the language of `Accept-Language`; their `code` names the problem
                    for programs. Dates are ISO 8601 with their offset, and also written out in the site's calendars.
                    """,
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token, sent as `Authorization: Bearer <token>`. The public content needs none.",
            };
            return Task.CompletedTask;
        });
        options.DescribeTokenEndpoints();
        options.AddSchemaTransformer((schema, context, ct) =>
        {
            if (ApiExamples.For(context.JsonTypeInfo.Type) is { } example)
                schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Options)!];
            return Task.CompletedTask;
        });
    }
}
