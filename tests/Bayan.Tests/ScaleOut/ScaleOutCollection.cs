namespace Bayan.Tests.ScaleOut;

/// <summary>
/// The scale-out tests run one at a time, after the rest of the suite and with nothing beside them:
/// each starts two real nodes with background work of their own (the scheduler, the Redis watch, a
/// connection that reconnects on a thread of its own), and beside other test classes on a loaded
/// two-core machine they starved one another until their bounded waits ran out.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleOutCollection
{
    public const string Name = "Several nodes";
}
