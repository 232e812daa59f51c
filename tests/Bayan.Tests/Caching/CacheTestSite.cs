using Bayan.Accounts;
using Bayan.Offices;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bayan.Tests.Caching;

/// <summary>
/// A site with the output cache on and a clock that stands still unless a test moves it, so that a
/// kept page never expires by itself while a test looks at it: a miss then can only mean an eviction.
/// The scheduler does not run by itself either; the test runs it, so that it publishes when told.
/// </summary>
public class CacheTestSite : TestSite
{
    public static readonly Actor Editor = Actor.System("cache tests");

    // Just past the start of a five-minute window: a test may move the clock on a minute or two and stay in it.
    public CacheTestSite() => Clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 300 * 300 + 1));

    public DateTime Now => Clock!.Now.UtcDateTime;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Bayan:Comments:PerAddress"] = "1000";
        settings["Bayan:OutputCache:Window"] = "00:05:00";
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        var scheduler = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ScheduledPublisher));
        services.Remove(scheduler);
    }

    /// <summary>The scheduler's round, as its background loop would run it.</summary>
    public Task RunSchedulerAsync() => ActivatorUtilities.CreateInstance<ScheduledPublisher>(Services).PublishDueAsync(CancellationToken.None);

    /// <summary>A published release in Arabic and English, out an hour ago by the site's clock.</summary>
    public Task<Release> ReleaseAsync(Office office, Categories.Category? category = null, Tags.Tag? tag = null) =>
        Seed.ReleaseAsync(office, publishAt: Now.AddHours(-1), category: category, tag: tag);

    /// <summary>Runs one service in a scope of its own, as one back-office request would.</summary>
    public Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull =>
        InScopeAsync(services => work(services.GetRequiredService<TService>()));

    public static string PathOf(Release release, string lang = "en") =>
        $"/{lang}/{release.Office.Code}/{release.Id}/{Uri.EscapeDataString(release.Versions.Single(v => v.Language == lang).Slug)}";
}

/// <summary>The same site with the output cache switched off, as an operator would.</summary>
public sealed class UncachedTestSite : CacheTestSite
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Bayan:OutputCache:Enabled"] = "false";
    }
}

/// <summary>What a reader's request got, and whether it came from the cache.</summary>
public sealed record Answer(System.Net.HttpStatusCode Status, string? Cache, string Body)
{
    public bool Hit => Cache == "hit";

    public static async Task<Answer> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return new Answer(response.StatusCode,
            response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : null,
            await response.Content.ReadAsStringAsync());
    }
}
