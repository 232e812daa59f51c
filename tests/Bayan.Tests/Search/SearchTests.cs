using Bayan.Operations;
using System.Net;
using AngleSharp.Dom;
using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Offices;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Search;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Search;

/// <summary>
/// Search through the public page, on SQLite FTS5 and on PostgreSQL full-text alike: the same table of
/// queries must find the same releases on both, whatever form of a letter the reader types.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class SearchTests(SearchTestSite site) : IClassFixture<SearchTestSite>
{
    private static readonly Actor Editor = Actor.System("editor");

    public static TheoryData<string, string, string> Queries => new()
    {
        // Arabic: hamza on alef, alef maqsura / yeh, teh marbuta / heh, tatweel, diacritics on either side.
        { "ar", "احمد", "hospital" },
        { "ar", "أحمد", "hospital" },
        { "ar", "إحمد", "hospital" },
        { "ar", "مستشفي", "hospital" },
        { "ar", "المستشفى", "hospital" },
        { "ar", "يستقبل المرضى", "hospital" },
        { "ar", "أَحْمَد", "hospital" },
        { "ar", "مدينه", "water" },
        { "ar", "الميـــاه", "water" },
        { "ar", "\"سلطة المياه\"", "water" },
        { "ar", "\"المياه سلطة\"", "" },
        { "ar", "المياه أحمد", "" },
        // Arabic words with or without the article and the particles joined to them (الأطفال, للأطفال, الوزير).
        { "ar", "أطفال", "hospital" },
        { "ar", "وزير", "hospital" },
        { "ar", "للوزير", "hospital" },
        { "ar", "مياه", "water" },
        { "ar", "والمياه", "water" },
        { "ar", "زرقاء", "water" },
        { "ar", "\"سلطة مياه\"", "water" },
        { "ar", "\"مياه سلطة\"", "" },
        // A particle typed by the reader is read as part of the word: وزير is a minister, not و + زير.
        { "ar", "وأطفال", "" },
        // English: case, phrases in order, every word required, the office's name.
        { "en", "AHMED", "hospital" },
        { "en", "Hospital", "hospital" },
        { "en", "\"water authority\"", "water" },
        { "en", "\"authority water\"", "" },
        { "en", "water hospital", "" },
        { "en", "children's", "hospital" },
        // Russian: case and ё / е.
        { "ru", "ВОДЫ", "water" },
        { "ru", "воды", "water" },
        { "ru", "елку", "hospital" },
        { "ru", "ёлку", "hospital" },
        { "ru", "больницу", "hospital" },
        // Turkish: dotted and dotless i, accents.
        { "tr", "istanbul", "hospital" },
        { "tr", "İSTANBUL", "hospital" },
        { "tr", "ısparta", "water" },
        { "tr", "igdir", "water" },
        { "tr", "cocuk", "hospital" },
        { "tr", "çocuk", "hospital" },
        // Each language searches its own versions: words only the other language's version holds are not found.
        { "en", "مستشفى", "" },
        { "ar", "hospital", "" },
        { "ar", "ahmed", "" },
        // Reference numbers, in every language.
        { "ar", "1446/07", "hospital" },
        { "en", "1446/07", "hospital" },
        { "tr", "w-1446-12", "water" },
        { "ar", "١٤٤٦/٠٧", "hospital" },
        // The embargoed and the retracted releases share words with the published one and are never found.
        { "ar", "لقاح", "" },
        { "en", "vaccine", "" },
        { "en", "withdrawn", "" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_query_table_finds_the_same_releases(string lang, string query, string expected)
    {
        await EnsureEmbargoedAndRetractedAsync();
        var (response, page) = await SearchAsync(lang, query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var want = expected switch
        {
            "hospital" => new[] { site.Hospital.Id },
            "water" => [site.WaterCut.Id],
            _ => [],
        };
        Assert.Equal(want, FoundIds(page));
        if (want.Length == 0)
            Assert.Contains(query, page.Text(".notice"));
    }

    [Fact]
    public async Task Matches_are_marked_in_the_original_text_and_everything_else_is_escaped()
    {
        var title = Seed.Unique("marker");
        await site.AddAsync(site.Health, site.Clock!.Now.UtcDateTime.AddHours(-1), null,
            new("ar", $"أحمد <b>يكتب</b> & {title}", "", "نص"),
            new("en", $"Ahmed <script>alert(1)</script> & {title}", "A summary that says nothing.", "The body mentions Ahmed once."));

        var (_, ar) = await SearchAsync("ar", $"احمد {title}");
        var heading = ar.QuerySelector(".results h2 a")!;
        Assert.Equal("أحمد", heading.QuerySelector("mark")!.TextContent);
        Assert.Contains("<b>يكتب</b>", heading.TextContent);
        Assert.Null(heading.QuerySelector("b"));

        var (_, en) = await SearchAsync("en", $"ahmed {title}");
        Assert.Null(en.QuerySelector(".results script"));
        Assert.Contains("<script>", en.QuerySelector(".results h2 a")!.TextContent);
        // The snippet comes from where the words are: here the body, not the summary.
        Assert.Equal("Ahmed", en.QuerySelector(".snippet mark")!.TextContent);
        Assert.Contains("The body mentions", en.Text(".snippet"));
    }

    [Fact]
    public async Task The_index_follows_an_edit_a_retraction_and_a_scheduled_publication_at_once()
    {
        var old = Seed.Unique("before");
        var replaced = Seed.Unique("after");
        var release = await site.AddAsync(site.Water, site.Clock!.Now.UtcDateTime.AddHours(-1), null,
            new("ar", $"بيان {old}", "", "نص"), new("en", $"Statement {old}", "", "Text"));
        Assert.Equal([release.Id], FoundIds((await SearchAsync("en", old)).Page));

        var version = await site.Seed.WithDbAsync(db => db.ReleaseVersions.SingleAsync(v => v.ReleaseId == release.Id && v.Language == "en"));
        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<SaveVersion>().RunAsync(Editor,
            new VersionEdit(release.Id, "en", $"Statement {replaced}", null, "", "Text", version.ConcurrencyVersion), default)));
        Assert.Empty(FoundIds((await SearchAsync("en", old)).Page));
        Assert.Equal([release.Id], FoundIds((await SearchAsync("en", replaced)).Page));

        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<ReleaseWorkflow>().RetractAsync(Editor, release.Id, "Issued in error.", default)));
        Assert.Empty(FoundIds((await SearchAsync("en", replaced)).Page));
        Assert.Empty(FoundIds((await SearchAsync("ar", old)).Page));

        // Scheduled: not found before its time, found as soon as the scheduler has published it.
        var embargoed = Seed.Unique("embargoed");
        var id = Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Editor,
            new NewRelease(site.Water.Id, ReleaseType.Statement, "ar", $"بيان {embargoed}", null, "ملخص", "نص", [], []), default))).ReleaseId;
        var at = site.Clock.Now.UtcDateTime.AddHours(1);
        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<ReleaseWorkflow>().ScheduleAsync(Editor, id, at, default)));
        Assert.Empty(FoundIds((await SearchAsync("ar", embargoed)).Page));
        site.Clock.Now = new DateTimeOffset(at.AddSeconds(1), TimeSpan.Zero);
        Assert.True(await Eventually.TrueAsync(() => site.Seed.WithDbAsync(db => db.Releases.AnyAsync(r => r.Id == id && r.Status == ReleaseStatus.Published))));
        Assert.Equal([id], FoundIds((await SearchAsync("ar", embargoed)).Page));
    }

    [Fact]
    public async Task A_renamed_office_is_found_by_its_new_name()
    {
        var office = await site.Seed.OfficeAsync();
        var release = await site.AddAsync(office, site.Clock!.Now.UtcDateTime.AddHours(-1), null, new VersionText("en", "Opening hours", "", "Text"));
        var newName = Seed.Unique("Desalination Authority");
        var form = new OfficeForm(office.Id, office.Code, new Dictionary<string, string> { ["ar"] = "هيئة التحلية", ["en"] = newName },
            "ar", "Asia/Riyadh", 0, "{seq:3}");
        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<SaveOffice>().RunAsync(Actor.System("admin"), form, default)));
        Assert.Equal([release.Id], FoundIds((await SearchAsync("en", newName)).Page));
        Assert.Empty(FoundIds((await SearchAsync("en", $"\"Office {office.Code}\"")).Page));
    }

    [Fact]
    public async Task Filters_narrow_by_office_category_and_days_of_the_site()
    {
        var word = Seed.Unique("filtered");
        var category = await site.Seed.CategoryAsync();
        var now = site.Clock!.Now.UtcDateTime;
        var inHealth = await site.AddAsync(site.Health, category, new DateTime(2024, 3, 10, 12, 0, 0, DateTimeKind.Utc), null, new VersionText("en", $"Health {word}", "", "Text"));
        var inWater = await site.AddAsync(site.Water, null, new DateTime(2024, 3, 20, 12, 0, 0, DateTimeKind.Utc), null, new VersionText("en", $"Water {word}", "", "Text"));
        // 22:30 UTC on 31 March is already 1 April in Riyadh, where the site is.
        var lateAtNight = await site.AddAsync(site.Water, null, new DateTime(2024, 3, 31, 22, 30, 0, DateTimeKind.Utc), null, new VersionText("en", $"Night {word}", "", "Text"));
        Assert.True(now > lateAtNight.PublishAt);

        Assert.Equal(3, FoundIds((await SearchAsync("en", word)).Page).Length);
        Assert.Equal([inHealth.Id], FoundIds((await SearchAsync("en", word, $"&office={site.Health.Code}")).Page));
        var slug = category.Names.Single(n => n.Language == "en").Slug;
        Assert.Equal([inHealth.Id], FoundIds((await SearchAsync("en", word, $"&category={slug}")).Page));
        Assert.Equal([inWater.Id, inHealth.Id], FoundIds((await SearchAsync("en", word, "&from=2024-03-01&to=2024-03-31")).Page));
        Assert.Equal([lateAtNight.Id], FoundIds((await SearchAsync("en", word, "&from=2024-04-01")).Page));
        // The chosen filters stay chosen in the form.
        var (_, page) = await SearchAsync("en", word, $"&office={site.Water.Code}&from=2024-03-15");
        Assert.Equal(site.Water.Code, page.QuerySelector("#search-office option[selected]")!.GetAttribute("value"));
        Assert.Equal("2024-03-15", page.QuerySelector("#search-from")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_release_filed_under_another_category_is_found_under_it_at_once()
    {
        var word = Seed.Unique("refiled");
        var before = await site.Seed.CategoryAsync();
        var after = await site.Seed.CategoryAsync();
        var release = await site.AddAsync(site.Health, before, site.Clock!.Now.UtcDateTime.AddDays(-1), null, new VersionText("en", $"Notice {word}", "", "Text"));
        string Slug(Bayan.Categories.Category c) => c.Names.Single(n => n.Language == "en").Slug;
        Assert.Equal([release.Id], FoundIds((await SearchAsync("en", word, $"&category={Slug(before)}")).Page));

        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<UpdateReleaseDetails>().RunAsync(
            Editor, release.Id, ReleaseType.PressRelease, [after.Id], [], default)));

        Assert.Empty(FoundIds((await SearchAsync("en", word, $"&category={Slug(before)}")).Page));
        Assert.Equal([release.Id], FoundIds((await SearchAsync("en", word, $"&category={Slug(after)}")).Page));
    }

    [Fact]
    public async Task Results_come_twenty_a_page_newest_first_among_equals_and_a_page_too_far_says_where_they_end()
    {
        var word = Seed.Unique("paged");
        var start = site.Clock!.Now.UtcDateTime.AddDays(-30);
        var ids = new List<int>();
        for (var i = 0; i < 23; i++)
            ids.Add((await site.AddAsync(site.Health, start.AddHours(i), null, new VersionText("en", $"Notice {word}", "", "Text"))).Id);

        var (_, first) = await SearchAsync("en", word);
        Assert.Equal(Enumerable.Reverse(ids).Take(20), FoundIds(first));
        Assert.Equal("23 releases found", first.Text(".count"));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await site.Http.GetPageAsync(next);
        Assert.Equal(Enumerable.Reverse(ids).Skip(20), FoundIds(second));

        var (response, beyond) = await SearchAsync("en", word, "&page=9");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no page 9: the results end on page 2.", beyond.Text(".notice"));
    }

    [Theory]
    [InlineData("", HttpStatusCode.OK, "Type the words you are looking for.")]
    [InlineData("   ", HttpStatusCode.OK, "Type the words you are looking for.")]
    [InlineData("((( *** ^^^ )))", HttpStatusCode.BadRequest, "The search holds no words, only signs. Type letters or numbers.")]
    [InlineData("\"\"\"", HttpStatusCode.BadRequest, "The search holds no words, only signs. Type letters or numbers.")]
    [InlineData("hospital\" OR \"1=1", HttpStatusCode.OK, "Nothing was found")]
    [InlineData("NEAR(water cut) title:water -cut col* ^water {water} [water]", HttpStatusCode.OK, "Nothing was found")]
    [InlineData("'; DROP TABLE search_index; --", HttpStatusCode.OK, "Nothing was found")]
    [InlineData("water\\' & | ! <-> :*", HttpStatusCode.OK, "")]
    public async Task Queries_full_of_operators_get_a_clear_answer_never_an_error(string query, HttpStatusCode status, string message)
    {
        var (response, page) = await SearchAsync("en", query);
        Assert.Equal(status, response.StatusCode);
        Html.AssertNoStackTrace(page.DocumentElement.OuterHtml);
        if (message.Length > 0)
            Assert.StartsWith(message, page.Text(".notice"));
        Assert.Equal(query.Trim(), page.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_huge_query_or_bad_filters_are_refused_with_what_is_wrong()
    {
        var (response, page) = await SearchAsync("en", new string('a', 150) + " " + new string('b', 150));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The search is too long: at most 200 characters.", page.Text(".notice"));

        (response, page) = await SearchAsync("en", "water", "&office=nowhere&from=2024-13-45&to=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var notices = page.QuerySelectorAll(".notice").Select(n => n.TextContent).ToList();
        Assert.Contains("There is no such office.", notices);
        Assert.Contains("\"2024-13-45\" is not a date; use the form 2024-11-21.", notices);
        Assert.Contains("\"yesterday\" is not a date; use the form 2024-11-21.", notices);

        (response, page) = await SearchAsync("en", "water", "&from=2024-05-01&to=2024-04-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The start date is after the end date.", page.Text(".notice"));

        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync("/xx/search?q=water")).StatusCode);
    }

    [Fact]
    public async Task The_search_page_speaks_the_readers_language_and_is_not_indexed()
    {
        var (response, page) = await SearchAsync("ar", "المياه");
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("عدد البيانات الموجودة: ١", page.Text(".count"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        // Every page has the search box, pointing at the search of its language.
        var (_, home) = await site.Http.GetPageAsync("/tr/");
        Assert.Equal("/tr/search", home.QuerySelector("form.site-search")!.GetAttribute("action"));
        Assert.Equal("Ara", home.Text("form.site-search button"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Rebuilding_the_index_finds_exactly_what_the_live_index_found()
    {
        var queries = Queries.Select(row => ((string)row[0], (string)row[1])).ToList();
        var before = new List<int[]>();
        foreach (var (lang, query) in queries)
            before.Add(FoundIds((await SearchAsync(lang, query)).Page));
        await site.Seed.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM search_index"));
        Assert.Empty(FoundIds((await SearchAsync("ar", "احمد")).Page));

        var reports = new List<(string, int Done, int Total)>();
        var count = await site.InScopeAsync(s => s.GetRequiredService<ISearchIndex>().RebuildAsync(new SynchronousProgress(reports.Add), default));
        Assert.Equal(await site.Seed.WithDbAsync(db => db.Releases.CountAsync(r => r.Status == ReleaseStatus.Published)), count);
        Assert.Equal(count, reports[^1].Done);
        Assert.Equal(count, reports[^1].Total);
        for (var i = 0; i < queries.Count; i++)
            Assert.Equal(before[i], FoundIds((await SearchAsync(queries[i].Item1, queries[i].Item2)).Page));
    }

    private async Task<(HttpResponseMessage Response, IDocument Page)> SearchAsync(string lang, string query, string filters = "") =>
        await site.Http.GetPageAsync($"/{lang}/search?q={Uri.EscapeDataString(query)}{filters}");

    /// <summary>The release ids of the results, in the order shown, from the links a reader would follow.</summary>
    private static int[] FoundIds(IDocument page) =>
        [.. page.QuerySelectorAll(".results h2 a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[3]))];

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<SearchTestSite> Prepared = [];

    /// <summary>An embargoed and a retracted release that would match the table's Arabic and English words.</summary>
    private async Task EnsureEmbargoedAndRetractedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Prepared.Add(site))
                return;
            var embargoed = Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Editor,
                new NewRelease(site.Health.Id, ReleaseType.Statement, "ar", "أحمد يعلن لقاحا جديدا في مستشفى الأطفال", null, "لقاح", "نص", [], []), default))).ReleaseId;
            var enVersion = new VersionEdit(embargoed, "en", "Ahmed announces a new vaccine at the children's hospital", null, "", "vaccine", null);
            await site.InScopeAsync(s => s.GetRequiredService<SaveVersion>().RunAsync(Editor, enVersion, default));
            await site.InScopeAsync(s => s.GetRequiredService<ReleaseWorkflow>().ScheduleAsync(Editor, embargoed, site.Clock!.Now.UtcDateTime.AddYears(5), default));

            var retracted = await site.AddAsync(site.Water, site.Clock!.Now.UtcDateTime.AddHours(-3), null,
                new("ar", "أحمد يسحب بيان سلطة المياه", "", "مستشفى"), new("en", "Ahmed's water authority statement withdrawn", "", "hospital"));
            await site.InScopeAsync(s => s.GetRequiredService<ReleaseWorkflow>().RetractAsync(Editor, retracted.Id, "Issued in error.", default));
        }
        finally
        {
            Once.Release();
        }
    }

    private sealed class SynchronousProgress(Action<(string, int, int)> report) : IProgress<(string, int, int)>
    {
        public void Report((string, int, int) value) => report(value);
    }
}
