namespace Bayan.Tests.ScaleOut;

/// <summary>
/// The scale-out tests run one at a time, after the rest of the suite and with nothing beside them.
/// Each starts one or two real nodes with background work of their own (the scheduler, the Redis
/// watch, connections that reconnect on threads of their own) and cuts Redis or the database under
/// them; run beside other test classes on a loaded two-core machine, they once stalled. Alone, their
/// bounded waits have the machine to themselves, and no other test sees their outages.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleOutCollection
{
    public const string Name = "Several nodes";
}
