using System.Net;
using Bayan.Pages;
using Bayan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Api;

/// <summary>
/// Every error of the API is an RFC 9457 problem (application/problem+json) in the client's language,
/// naming what is wrong; never a page of the site, never a stack trace.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class ApiProblemTests(ApiProblemTests.BrokenPagesSite site) : IClassFixture<ApiProblemTests.BrokenPagesSite>
{
    /// <summary>A site whose static pages cannot be read, to see what a client gets when something breaks.</summary>
    public sealed class BrokenPagesSite : TestSite
    {
        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddScoped<PageQueries>(_ => throw new InvalidOperationException("The pages broke in a test."));
        }
    }

    [Theory]
    [InlineData("/api/v1/releases?limit=0", "limit", "api_bad_number")]
    [InlineData("/api/v1/releases?limit=many", "limit", "api_bad_number")]
    [InlineData("/api/v1/releases?cursor=not-a-cursor", "cursor", "api_bad_cursor")]
    [InlineData("/api/v1/releases?since=yesterday", "since", "api_bad_date")]
    [InlineData("/api/v1/releases?until=2024-11-21T10:00:00", "until", "api_bad_date")]
    [InlineData("/api/v1/releases?language=xx", "language", "api_unknown_language")]
    [InlineData("/api/v1/releases?office=no-such-office", "office", "api_unknown_office")]
    [InlineData("/api/v1/releases?category=no-such-category", "category", "api_unknown_category")]
    [InlineData("/api/v1/releases?langauge=en", "langauge", "api_unknown_parameter")]
    [InlineData("/api/v1/releases?limit=5&limit=6", "limit", "api_repeated_parameter")]
    [InlineData("/api/v1/releases?language=en&q=%22%22", "q", "search_no_words")]
    [InlineData("/api/v1/releases/1?utm_source=x", "utm_source", "api_unknown_parameter")]
    [InlineData("/api/v1/tags?language=xx", "language", "api_unknown_language")]
    public async Task A_bad_parameter_is_a_400_that_names_it(string path, string parameter, string code)
    {
        var answer = await site.Http.GetApiAsync(path);

        ApiCalls.AssertProblem(answer, HttpStatusCode.BadRequest, code);
        Assert.Equal(parameter, answer.Json.GetProperty("parameter").GetString());
        Assert.Equal(new Uri(site.BaseAddress, path).AbsolutePath, answer.Json.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Problems_speak_the_language_of_the_client()
    {
        var arabic = await site.Http.GetApiAsync("/api/v1/releases?limit=0", language: "ar-SA, en;q=0.5");
        var english = await site.Http.GetApiAsync("/api/v1/releases?limit=0", language: "en-GB");
        var unknown = await site.Http.GetApiAsync("/api/v1/releases?limit=0", language: "ja");

        Assert.Equal("طلب غير صالح", arabic.Text("title"));
        Assert.Equal("يجب أن يكون المعامل 'limit' عددًا صحيحًا من 1 إلى 100.", arabic.Text("detail"));
        Assert.Equal("ar", arabic.Response.Content.Headers.ContentLanguage.Single());
        Assert.Equal("Bad request", english.Text("title"));
        Assert.Equal("The parameter 'limit' must be a whole number from 1 to 100.", english.Text("detail"));
        Assert.Equal("Bad request", unknown.Text("title"));
    }

    [Fact]
    public async Task An_unknown_release_or_address_is_a_404_problem_in_arabic_not_a_page_of_the_site()
    {
        foreach (var path in new[] { "/api/v1/releases/2147483000", "/api/v1/nothing-here", "/api/v2/releases", "/api/", "/api" })
        {
            var answer = await site.Http.GetApiAsync(path, language: "ar");

            ApiCalls.AssertProblem(answer, HttpStatusCode.NotFound);
            Assert.Equal("غير موجود", answer.Text("title"));
            Assert.DoesNotContain("<html", answer.Body);
        }
    }

    [Fact]
    public async Task A_client_that_takes_no_json_gets_406_and_a_method_the_api_does_not_take_405()
    {
        var html = await site.Http.GetApiAsync("/api/v1/offices", accept: "text/html");
        var json = await site.Http.GetApiAsync("/api/v1/offices", accept: "application/json");
        var any = await site.Http.GetApiAsync("/api/v1/offices", accept: "text/html, */*;q=0.1");
        // The public settings are only read here (an administrator replaces them under /settings).
        using var delete = await site.Http.DeleteAsync("/api/v1/site");
        var deleted = new ApiAnswer(delete.StatusCode, delete, System.Text.Json.JsonDocument.Parse(await delete.Content.ReadAsStringAsync()).RootElement.Clone(), "");

        ApiCalls.AssertProblem(html, HttpStatusCode.NotAcceptable, "api_detail_406");
        Assert.Equal(HttpStatusCode.OK, json.Status);
        Assert.Equal(HttpStatusCode.OK, any.Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, deleted.Status);
        Assert.Equal("application/problem+json", delete.Content.Headers.ContentType?.MediaType);
        Assert.Equal(405, deleted.Json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_failure_inside_is_a_500_problem_without_a_trace_of_the_program()
    {
        var english = await site.Http.GetApiAsync("/api/v1/pages");
        var arabic = await site.Http.GetApiAsync("/api/v1/pages", language: "ar");

        ApiCalls.AssertProblem(english, HttpStatusCode.InternalServerError, "api_detail_500");
        Assert.DoesNotContain("broke in a test", english.Body);
        ApiCalls.AssertProblem(arabic, HttpStatusCode.InternalServerError);
        Assert.Equal("خطأ في الخادم", arabic.Text("title"));
        // The site's pages are unchanged: a failure there is still the themed page.
        var page = await site.Http.GetApiAsync("/en/no-such-office/");
        Assert.Equal("text/html", page.ContentType);
    }
}
