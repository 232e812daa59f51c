using Bayan.Accounts;
using Bayan.Editing;
using Bayan.Offices;
using Bayan.Operations;
using Bayan.Publishing;
using Bayan.Releases;
using Bayan.Tests.Support;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bayan.Tests.Webhooks;

/// <summary>What the webhook tests do to a site, through the same operations the back office and the API call.</summary>
public static class WebhookSteps
{
    public static readonly Actor Editor = Actor.System("editor");

    public static async Task<int> DraftAsync(this TestSite site, Office office, string title, bool english = false)
    {
        var outcome = await site.InScopeAsync(s => s.GetRequiredService<CreateRelease>().RunAsync(Editor,
            new NewRelease(office.Id, ReleaseType.PressRelease, "ar", $"بيان {title}", null, "ملخص", $"نص {title}", [], []), default));
        var id = Assert.IsType<Outcome.Done>(outcome).ReleaseId;
        if (english)
            await site.SaveAsync(id, "en", $"Statement {title}", $"Text of {title}");
        return id;
    }

    public static async Task<int> PublishedAsync(this TestSite site, Office office, string title, bool english = false)
    {
        var id = await site.DraftAsync(office, title, english);
        Assert.IsType<Outcome.Done>(await site.InScopeAsync(s => s.GetRequiredService<PublishRelease>().RunAsync(Editor, id, default)));
        return id;
    }

    /// <summary>Saves a version over whatever is stored (a new one when there is none).</summary>
    public static Task<Outcome> SaveAsync(this TestSite site, int releaseId, string language, string title, string body) =>
        site.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Bayan.Data.BayanDb>();
            var current = await db.ReleaseVersions.Where(v => v.ReleaseId == releaseId && v.Language == language).Select(v => (int?)v.ConcurrencyVersion).FirstOrDefaultAsync();
            return await s.GetRequiredService<SaveVersion>().RunAsync(Editor, new VersionEdit(releaseId, language, title, null, "", body, current), default);
        });

    public static Task<Outcome> WorkflowAsync(this TestSite site, Func<ReleaseWorkflow, Task<Outcome>> step) =>
        site.InScopeAsync(s => step(s.GetRequiredService<ReleaseWorkflow>()));

    /// <summary>This site's sender, to run one round of it where a test must know a round has passed.</summary>
    public static WebhookSender Sender(this TestSite site) =>
        site.Services.GetServices<IHostedService>().OfType<WebhookSender>().Single();

    public static async Task<AdminClient> AdministratorAsync(this TestSite site, string language = "en")
    {
        var user = await site.Seed.UserAsync(administrator: true);
        if (language != "en")
            await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language)));
        var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(user.Email!, Seed.Password));
        return client;
    }

    /// <summary>Waits (bounded) until the receiver has got <paramref name="count"/> requests.</summary>
    public static async Task<IReadOnlyList<Received>> GotAsync(this WebhookReceiver receiver, int count)
    {
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(receiver.All.Count >= count)),
            $"the receiver got {receiver.All.Count} requests, not {count}: {string.Join(", ", receiver.All.Select(r => r.Type))}");
        return receiver.All;
    }
}
