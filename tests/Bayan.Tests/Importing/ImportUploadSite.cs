using Bayan.Tests.Support;

namespace Bayan.Tests.Importing;

/// <summary>A site whose clock the import tests move: a running import that stops beating is interrupted after two minutes of it.</summary>
public sealed class ImportUploadSite : TestSite
{
    public ImportUploadSite() => Clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
}
