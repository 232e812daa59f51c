namespace Bayan.Tests.Support;

/// <summary>A site whose database is empty: nothing set up yet.</summary>
public sealed class EmptyTestSite : TestSite
{
    protected override Task FillAsync() => Task.CompletedTask;
}
