namespace Bayan.Web.Api.Content;

/// <summary>The public, read-only content API: what a reader of the site may see, as JSON.</summary>
internal static class ContentApi
{
    public static void MapContent(this IEndpointRouteBuilder api)
    {
        var content = api.MapGroup("").AddEndpointFilter((context, next) =>
        {
            // Public and the same for everyone, so any site may read it from a browser (a partner's
            // widget of the latest releases); no credentials travel with such a request.
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return next(context);
        });
        content.MapGroup("").WithTags("Releases").MapReleases();
        content.MapGroup("").WithTags("Site").MapSiteContent();
    }
}
