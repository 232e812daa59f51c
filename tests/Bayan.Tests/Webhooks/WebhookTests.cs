using Bayan.Accounts;
using Bayan.Operations;
using Bayan.Tests.Api;
using Bayan.Tests.Support;
using Bayan.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Webhooks;

/// <summary>
/// What every webhook test class starts from: its site (one per class), a receiver on loopback of its
/// own for each test, a signed-in administrator, and the API's clients with tokens.
/// </summary>
public abstract class WebhookTests<TSite>(TSite site) : IClassFixture<TSite>, IAsyncLifetime where TSite : TestSite
{
    protected TSite Site { get; } = site;
    protected WebhookReceiver Receiver { get; private set; } = null!;
    protected AdminClient Admin { get; private set; } = null!;

    private readonly List<IDisposable> clients = [];

    public virtual async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Admin = await Site.AdministratorAsync();
    }

    public virtual async Task DisposeAsync()
    {
        Admin.Dispose();
        foreach (var client in clients)
            client.Dispose();
        await Receiver.DisposeAsync();
    }

    /// <summary>An API client with a token of <paramref name="user"/>, made as the command line makes one.</summary>
    protected async Task<ApiClient> ApiAsync(User user, params TokenScope[] scopes)
    {
        var (token, outcome) = await Site.InScopeAsync(s => s.GetRequiredService<CreateToken>()
            .RunAsync(Actor.System("tests"), user.Id, new TokenRequest(Seed.Unique("hooks"), scopes, null), CancellationToken.None));
        Assert.IsType<Outcome.Done>(outcome);
        var client = new ApiClient(Site.BaseAddress, token!.Secret);
        clients.Add(client);
        return client;
    }

    /// <summary>A client of a new administrator's token with the admin scope.</summary>
    protected async Task<ApiClient> AdminApiAsync() => await ApiAsync(await Site.Seed.UserAsync(administrator: true), TokenScope.Admin);
}
