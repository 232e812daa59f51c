namespace Bayan.Tests.Support;

/// <summary>A clock tests set and move instead of sleeping.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
