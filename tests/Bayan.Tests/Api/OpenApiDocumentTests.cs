using System.Net;
using System.Text.RegularExpressions;
using Bayan.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Bayan.Tests.Api;

/// <summary>
/// /api/v1/openapi.json read as a client generator would: with the OpenAPI.NET reader, which must find no
/// error, and holding every endpoint the application maps under /api/v1, with its method.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed partial class OpenApiDocumentTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> ReadAsync()
    {
        using var response = await site.Http.GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var read = await OpenApiDocument.LoadAsync(stream, "json");
        return (read.Document!, read.Diagnostic!);
    }

    [Fact]
    public async Task The_document_is_valid_openapi_3_1_and_holds_every_api_endpoint()
    {
        var (document, diagnostic) = await ReadAsync();

        Assert.Empty(diagnostic.Errors.Select(e => e.ToString()));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        var mapped = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/", StringComparison.Ordinal) && raw != "/api/v1/openapi.json")
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Path: Template(e.RoutePattern.RawText!), Method: m)))
            .ToList();
        Assert.NotEmpty(mapped);
        var documented = document.Paths.SelectMany(p => (p.Value.Operations ?? []).Select(o => (Path: p.Key, Method: o.Key.ToString().ToUpperInvariant()))).ToList();
        Assert.All(mapped, endpoint => Assert.Contains(endpoint, documented));
        // The site's own pages are not part of the API.
        Assert.All(document.Paths.Keys, path => Assert.StartsWith("/api/v1/", path));
    }

    [Fact]
    public async Task Endpoints_that_need_a_token_name_the_bearer_scheme_with_their_scope()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await site.Http.GetStringAsync("/api/v1/openapi.json"))!;
        var releases = json["paths"]!["/api/v1/releases"]!;

        Assert.Equal("write", (string)releases["post"]!["security"]![0]!["bearer"]![0]!);
        Assert.Equal("publish", (string)json["paths"]!["/api/v1/releases/{id}/publish"]!["post"]!["security"]![0]!["bearer"]![0]!);
        Assert.Null(releases["get"]!["security"]);
    }

    [Fact]
    public async Task The_document_describes_its_operations_with_examples_and_the_bearer_scheme()
    {
        var (document, _) = await ReadAsync();

        var list = document.Paths["/api/v1/releases"].Operations![HttpMethod.Get];
        Assert.Equal("List releases", list.Summary);
        Assert.Contains("cursor", list.Description);
        Assert.Contains(list.Parameters!, p => p.Name == "language" && !string.IsNullOrEmpty(p.Description));
        Assert.NotEmpty(document.Components!.Schemas!["ReleaseList"].Examples!);
        // Numbers are numbers, not "integer or string".
        Assert.Equal(JsonSchemaType.Integer, document.Components.Schemas["ReleaseItem"].Properties!["id"].Type);
        var bearer = document.Components.SecuritySchemes!["bearer"];
        Assert.Equal(SecuritySchemeType.Http, bearer.Type);
        Assert.Equal("bearer", bearer.Scheme);
        Assert.Contains(list.Responses!, r => r.Key == "400");
    }

    /// <summary>A route's template as OpenAPI writes it: "/api/v1/releases/{id:int}" is "/api/v1/releases/{id}".</summary>
    private static string Template(string route) => Constraint().Replace(route, "{$1}");

    [GeneratedRegex(@"\{\*{0,2}([^:}=?]+)[^}]*\}")]
    private static partial Regex Constraint();
}
