using System.Diagnostics;
using Bayan.Data;
using Bayan.Releases;
using Bayan.Tests.Support;
using Bayan.Web.Cli;
using Bayan.Web.Hosting;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Webhooks;

/// <summary>
/// The outbox survives a crash: `bayan` runs as a process of its own on a data folder, publishes a
/// scheduled release (the event is committed with it) and starts delivering it; the receiver holds the
/// request, and the process is killed with SIGKILL before any answer. Started again on the same
/// database, Bayan delivers the event once the dead process's claim has run out.
/// </summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class WebhookCrashTests : IAsyncLifetime
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "bayan-tests", Guid.NewGuid().ToString("N"));
    private Dictionary<string, string?> settings = [];
    private WebhookReceiver receiver = null!;

    /// <summary>Bayan built in this process on the same database, never started: the test's way to look at the rows.</summary>
    private Microsoft.AspNetCore.Builder.WebApplication local = null!;

    public async Task InitializeAsync()
    {
        settings = await TestDatabase.CreateAsync(dataFolder);
        receiver = await WebhookReceiver.StartAsync();
        local = BayanWebApp.Build(BayanArgs.Of(settings));
    }

    public async Task DisposeAsync()
    {
        await local.DisposeAsync();
        await receiver.DisposeAsync();
        await TestDatabase.DropAsync(settings);
        if (Directory.Exists(dataFolder))
            Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task An_event_committed_before_a_kill_is_delivered_after_the_restart()
    {
        var releaseId = await PrepareAsync();
        receiver.Hold();

        using (var first = Start())
        {
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref receiver.Waiting) == 1), 600),
                $"the first process sent nothing: {first.Output()}");
            first.Process.Kill();
            await first.Process.WaitForExitAsync();
            Assert.NotEqual(0, first.Process.ExitCode);
        }
        var sent = Assert.Single(receiver.All);
        Assert.Equal(DeliveryStatus.Pending, await WithDbAsync(db => db.WebhookDeliveries.Select(d => d.Status).SingleAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.WebhookAttempts.CountAsync()));

        receiver.Release();
        using (var second = Start())
        {
            // The dead process's claim holds for twice the 2 s timeout and 5 s more; then the new one sends.
            Assert.True(await Eventually.TrueAsync(() => WithDbAsync(db => db.WebhookDeliveries.AnyAsync(d => d.Status == DeliveryStatus.Delivered)), 600),
                $"the event was not delivered after the restart: {second.Output()}");
        }

        var again = receiver.All[^1];
        Assert.Equal(sent.Id, again.Id);
        Assert.True(again.Verified);
        Assert.Equal(releaseId, again.ReleaseId);
        Assert.Equal("release.published", again.Type);
        Assert.Equal(1, await WithDbAsync(db => db.WebhookMessages.CountAsync()));
        Assert.Equal(1, await WithDbAsync(db => db.WebhookAttempts.CountAsync(a => a.StatusCode == 200)));
    }

    /// <summary>A site with an office, an endpoint for the receiver and a release whose time has come, made by Bayan itself in this process.</summary>
    private async Task<int> PrepareAsync()
    {
        await BayanWebApp.PrepareAsync(local, CancellationToken.None);
        var seed = new Seed(local.Services);
        await seed.SiteAsync();
        var office = await seed.OfficeAsync();
        var release = await seed.ReleaseAsync(office, english: false);
        var secret = WebhookSecret.New();
        receiver.Secrets.Add(secret);
        await seed.WithDbAsync(async db =>
        {
            await db.Releases.Where(r => r.Id == release.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ReleaseStatus.Scheduled).SetProperty(r => r.PublishAt, DateTime.UtcNow.AddMinutes(-1)));
            db.WebhookEndpoints.Add(new WebhookEndpoint
            {
                Url = receiver.Url, Secret = secret, Events = WebhookEventTypes.ReleasePublished, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        return release.Id;
    }

    private BayanProcess Start()
    {
        var arguments = new List<string> { "Bayan.Web.dll", "--urls", "http://127.0.0.1:0" };
        var all = new Dictionary<string, string?>(settings)
        {
            ["Bayan:Webhooks:AllowPrivateAddresses"] = "true",
            ["Bayan:Webhooks:Timeout"] = "00:00:02",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in all)
            arguments.Add($"--{key}={value}");
        return new BayanProcess(new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        });
    }

    private Task<T> WithDbAsync<T>(Func<BayanDb, Task<T>> work) => new Seed(local.Services).WithDbAsync(work);

    /// <summary>`bayan` serving in a process of its own, its output kept for a failure's message.</summary>
    private sealed class BayanProcess : IDisposable
    {
        private readonly System.Text.StringBuilder output = new();

        public BayanProcess(ProcessStartInfo start)
        {
            Process = new Process { StartInfo = start };
            Process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            Process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            Process.Start();
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output()
        {
            lock (output)
                return output.ToString();
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
                Process.WaitForExit();
            }
            Process.Dispose();
        }
    }
}
