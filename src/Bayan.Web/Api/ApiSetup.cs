using Bayan.Web.Api.Content;
using Bayan.Web.Api.Docs;
using Bayan.Web.Api.Tokens;
using Bayan.Web.Api.Webhooks;
using Bayan.Web.Caching;

namespace Bayan.Web.Api;

/// <summary>
/// The JSON API under /api/v1: its endpoint groups, the OpenAPI document generated from them, the
/// reference page at /api/docs, and problem details for every error under /api (see <see cref="ApiProblems"/>;
/// the error handler and status-code pages send them for /api, ErrorPages).
/// </summary>
internal static class ApiSetup
{
    public const string V1 = "/api/v1";
    public const string DocumentName = "v1";
    public const string DocumentPath = V1 + "/openapi.json";

    public static void AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        builder.Services.AddOpenApi(DocumentName, ApiDocument.Configure);
    }

    public static void MapApi(this WebApplication app)
    {
        var v1 = app.MapGroup(V1).AddEndpointFilter(AcceptsJson.FilterAsync);

        // Public and read-only: the same for every reader, kept in the shared cache (never for a request
        // with an Authorization header) and dropped by the same changes as the pages that show the same.
        v1.MapGroup("").SharedWithEveryone().MapContent();

        // What needs a token (Tokens/TokenApiSetup.cs): each endpoint names its scope; never shared.
        v1.MapGroup("").MapTokenEndpoints();
        v1.MapGroup("").MapWebhookApi();

        app.MapOpenApi(DocumentPath).SharedWithEveryone();
        app.MapApiDocs();

        // Every other address under /api is the API's: a problem, never a page of the site (whose
        // /{lang}/{office}/ would otherwise answer /api/v2/ with an HTML 404).
        // (HEAD comes as GET: ConditionalGet answers it as its GET, before routing.)
        app.MapGet("/api/{**rest}", (HttpContext http) => ApiProblems.Of(http, StatusCodes.Status404NotFound))
            .ExcludeFromDescription();
    }
}
