// Publish-to-visible time, measured through HTTP as an editor and a reader see it: an editor
// publishes in the back office; a reader polls the release's page and the home page until both
// show it. The clock starts when Bayan answers the publish request (the publication is saved by
// then) and stops at the end of the first public answer that shows the release. With an output
// cache, this is the time a publication takes to evict what the cache holds.
//
//   PublishProbe --site http://127.0.0.1:5400 [--publishes 5] [--language ar] [--timeout 30]
//                [--email bench@example.org] [--password ...]
using System.Diagnostics;
using System.Globalization;
using Bayan.Bench;

try
{
    return await RunAsync(Options.Parse(args));
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException or ArgumentException)
{
    Console.WriteLine($"Publish to visible: not measured: {e.Message}");
    return 2;
}

static async Task<int> RunAsync(Dictionary<string, string> options)
{
    var site = new Uri(options["site"]);
    var publishes = int.Parse(options.GetValueOrDefault("publishes", "5"), CultureInfo.InvariantCulture);
    var limit = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("timeout", "30"), CultureInfo.InvariantCulture));
    var pollEvery = TimeSpan.FromMilliseconds(2);

    using var backOffice = new BackOffice(site);
    await backOffice.SignInAsync(options.GetValueOrDefault("email", "bench@example.org"), options.GetValueOrDefault("password", "bench-password-2024"));
    var (officeId, language) = await backOffice.ChooseOfficeAndLanguageAsync(options.GetValueOrDefault("language", "ar"));
    using var reader = new Reader(site, pollEvery);
    var home = $"/{language}/";
    var run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    string? officePath = null;
    var releaseTimes = new List<TimeSpan?>();
    var homeTimes = new List<TimeSpan?>();

    // The first publication is a warm-up, not counted: it also tells us the office's code in public addresses.
    for (var round = 0; round <= publishes; round++)
    {
        // An ASCII token in the title and slug: unique, and written as is in any HTML.
        var token = $"bench-{run}-{round}";
        var id = await backOffice.CreateDraftAsync(officeId, language, ProbeText.Title(token), token, ProbeText.Summary, ProbeText.Body);
        var page = officePath is null ? null : $"{officePath}{id}/{token}";
        // Ask for both pages first: a cache that kept "not there" answers must forget them on publish too.
        if ((page is not null && await reader.ShowsAsync(page, token)) || await reader.ShowsAsync(home, token))
            throw new InvalidOperationException($"Release {id} is public before it is published.");

        await backOffice.PublishAsync(id);
        var publishedAt = Stopwatch.GetTimestamp();
        if (page is null)
        {
            var path = await backOffice.PublicPathAsync(id, language);
            officePath = path[..(path.IndexOf($"/{id}/", StringComparison.Ordinal) + 1)];
        }
        else
        {
            var times = await Task.WhenAll(reader.WaitAsync(page, token, publishedAt, limit), reader.WaitAsync(home, token, publishedAt, limit));
            releaseTimes.Add(times[0]);
            homeTimes.Add(times[1]);
        }
        await backOffice.RetractAsync(id, language);
    }

    Console.WriteLine($"Publish to visible ({publishes} publications after one warm-up, polled every {pollEvery.TotalMilliseconds:0} ms, {language}):");
    var allSeen = Report("release page", releaseTimes) & Report($"home page {home}", homeTimes);
    return allSeen ? 0 : 1;

    bool Report(string what, List<TimeSpan?> times)
    {
        var seen = times.Where(t => t is not null).Select(t => t!.Value.TotalMilliseconds).Order().ToList();
        var missed = times.Count - seen.Count;
        var median = seen.Count == 0 ? 0 : (seen[(seen.Count - 1) / 2] + seen[seen.Count / 2]) / 2;
        var line = seen.Count == 0 ? "never visible" : $"median {median:0} ms, max {seen[^1]:0} ms";
        if (missed > 0)
            line += $"; NOT VISIBLE within {limit.TotalSeconds:0} s in {missed} of {times.Count}";
        Console.WriteLine($"  {what + ":",-16} {line}");
        return missed == 0;
    }
}
