using Bayan.Categories;
using Bayan.Navigation;
using Bayan.Operations;
using Bayan.Pages;
using Bayan.Tags;
using Bayan.Tokens;
using Bayan.Web.Api.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Api.Editing;

/// <summary>What a change of the site's structure answers: the id of what it made or changed (0 for menus and link lists) and the message.</summary>
public sealed record WriteDone(int Id, string Message);

/// <param name="Names">A name per language; a language left out has none.</param>
/// <param name="Slugs">A slug per language; a missing one is made from the name.</param>
public sealed record CategoryBody(int? ParentId, IReadOnlyDictionary<string, string>? Names, IReadOnlyDictionary<string, string>? Slugs);

public sealed record TagNamesBody(IReadOnlyDictionary<string, string>? Names);

public sealed record TagMergeBody(int Into);

public sealed record PageBody(string? Key, string? Language, string? Title, string? Slug, string? Body);

public sealed record LinkBody(string? Label, string? Url);

public sealed record ListLinkBody(string? List, string? Label, string? Url);

/// <summary>
/// Categories, tags, static pages, the main menu and the sidebar link lists through the API: the
/// administrators' operations of the back office's "Manage" pages, for tokens with the admin scope.
/// </summary>
internal static class SiteWrites
{
    public static void MapSiteWrites(this RouteGroupBuilder api)
    {
        var categories = api.MapGroup("/categories").WithTags("Site structure");
        api.MapPost("/categories", (CategoryBody body, HttpContext http, ManageCategories manage, CancellationToken ct) =>
            CreatedAsync(http, "categories", manage.SaveAsync(http.Caller().Actor, new CategoryForm(null, body.ParentId, body.Names ?? Empty, body.Slugs ?? Empty), ct)))
            .WithTags("Site structure").RequireScope(TokenScope.Admin).WithSummary("Create a category with a name (and slug) per language.");
        categories.MapPut("/{id:int}", (int id, CategoryBody body, HttpContext http, ManageCategories manage, CancellationToken ct) =>
            DoneAsync(http, manage.SaveAsync(http.Caller().Actor, new CategoryForm(id, body.ParentId, body.Names ?? Empty, body.Slugs ?? Empty), ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Rename or move a category; every language is given anew.");
        categories.MapDelete("/{id:int}", (int id, HttpContext http, ManageCategories manage, CancellationToken ct) =>
            DeletedAsync(http, manage.DeleteAsync(http.Caller().Actor, id, ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Delete a category without subcategories; its releases lose it.");

        var tags = api.MapGroup("/tags").WithTags("Site structure");
        tags.MapPut("/{id:int}", (int id, TagNamesBody body, HttpContext http, ManageTags manage, CancellationToken ct) =>
            DoneAsync(http, manage.SaveNamesAsync(http.Caller().Actor, id, body.Names, ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Name a tag in each language.");
        tags.MapPost("/{id:int}/merge", (int id, TagMergeBody body, HttpContext http, ManageTags manage, CancellationToken ct) =>
            DoneAsync(http, manage.MergeAsync(http.Caller().Actor, id, body.Into, ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Move every release of this tag to another and remove this one.");
        tags.MapDelete("/{id:int}", (int id, HttpContext http, ManageTags manage, CancellationToken ct) =>
            DeletedAsync(http, manage.DeleteAsync(http.Caller().Actor, id, ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Delete a tag; its releases lose it.");

        var pages = api.MapGroup("/pages").WithTags("Site structure");
        api.MapPost("/pages", (PageBody body, HttpContext http, ManagePages manage, CancellationToken ct) =>
            CreatedAsync(http, "pages", manage.SaveAsync(http.Caller().Actor, FormOf(null, body), ct)))
            .WithTags("Site structure").RequireScope(TokenScope.Admin).WithSummary("Create a static page in a language; pages sharing a key translate each other.");
        pages.MapPut("/{id:int}", (int id, PageBody body, HttpContext http, ManagePages manage, CancellationToken ct) =>
            DoneAsync(http, manage.SaveAsync(http.Caller().Actor, FormOf(id, body), ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Change a static page.");
        pages.MapDelete("/{id:int}", (int id, HttpContext http, ManagePages manage, CancellationToken ct) =>
            DeletedAsync(http, manage.DeleteAsync(http.Caller().Actor, id, ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Delete a static page.");

        var menus = api.MapGroup("/menus").WithTags("Site structure");
        menus.MapPost("/{language}/items", (string language, LinkBody body, HttpContext http, ManageNavigation manage, CancellationToken ct) =>
            CreatedAsync(http, "menus", manage.AddMenuItemAsync(http.Caller().Actor, language, body.Label ?? "", body.Url ?? "", ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Add an item at the end of a language's main menu.");
        menus.MapPost("/items/{id:int}/move-up", (int id, HttpContext http, ManageNavigation manage, CancellationToken ct) =>
            DoneAsync(http, manage.MoveMenuItemUpAsync(http.Caller().Actor, id, ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Move a menu item one place toward the start.");
        menus.MapDelete("/items/{id:int}", (int id, HttpContext http, ManageNavigation manage, CancellationToken ct) =>
            DeletedAsync(http, manage.RemoveMenuItemAsync(http.Caller().Actor, id, ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Remove a menu item.");

        var links = api.MapGroup("/link-lists").WithTags("Site structure");
        links.MapPost("/{language}/links", (string language, ListLinkBody body, HttpContext http, ManageNavigation manage, CancellationToken ct) =>
            CreatedAsync(http, "link-lists", manage.AddLinkAsync(http.Caller().Actor, language, body.List ?? "", body.Label ?? "", body.Url ?? "", ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Add a link to a sidebar list of a language (the list is made when new).");
        links.MapDelete("/links/{id:int}", (int id, HttpContext http, ManageNavigation manage, CancellationToken ct) =>
            DeletedAsync(http, manage.RemoveLinkAsync(http.Caller().Actor, id, ct)))
            .RequireScope(TokenScope.Admin).WithSummary("Remove a link; a list left empty goes with it.");
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static PageForm FormOf(int? id, PageBody body) => new(id, body.Key ?? "", body.Language ?? "", body.Title ?? "", body.Slug, body.Body ?? "");

    private static async Task<Results<Created<WriteDone>, ProblemHttpResult>> CreatedAsync(HttpContext http, string collection, Task<Outcome> run) =>
        await run is Outcome.Done done
            ? TypedResults.Created(done.ReleaseId > 0 ? $"/api/v1/{collection}/{done.ReleaseId}" : (string?)null, Message(http, done))
            : WriteResults.Refusal(http, await run);

    private static async Task<Results<Ok<WriteDone>, ProblemHttpResult>> DoneAsync(HttpContext http, Task<Outcome> run) =>
        await run is Outcome.Done done ? TypedResults.Ok(Message(http, done)) : WriteResults.Refusal(http, await run);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeletedAsync(HttpContext http, Task<Outcome> run) =>
        await run is Outcome.Done ? TypedResults.NoContent() : WriteResults.Refusal(http, await run);

    private static WriteDone Message(HttpContext http, Outcome.Done done) => new(done.ReleaseId, done.Message.In(ApiLanguage.Of(http)));
}
