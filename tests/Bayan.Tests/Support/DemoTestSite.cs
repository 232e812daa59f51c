using Bayan.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Support;

/// <summary>A site filled by `bayan demo`, as a newcomer sees it.</summary>
public sealed class DemoTestSite : TestSite
{
    protected override async Task FillAsync()
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoSite>().RunAsync(new Progress<(string, int, int)>(), CancellationToken.None);
    }
}
