namespace Bayan.Webhooks;

/// <summary>The "Bayan:Webhooks" settings: how deliveries are sent, retried and guarded.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Bayan:Webhooks";

    /// <summary>Whether this process sends deliveries; a node that should only serve readers turns it off. Events are written either way.</summary>
    public bool Send { get; set; } = true;

    /// <summary>How long one delivery may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A failed delivery is tried again, ever more seldom, for at least this long after its first try.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An endpoint whose every delivery failed for this long is turned off, and the administrators are told.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Lets deliveries reach loopback, private, link-local and other non-public addresses (a receiver on
    /// the same machine or network). Off, such addresses are refused after the name is resolved.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Checked at start, so a wrong value stops Bayan with its name.</summary>
    public IEnumerable<string> Problems()
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
            yield return "Bayan:Webhooks:Timeout must be more than 0 and at most 00:05:00.";
        if (RetryFor <= TimeSpan.Zero)
            yield return "Bayan:Webhooks:RetryFor must be more than 0.";
        if (DisableAfter <= TimeSpan.Zero)
            yield return "Bayan:Webhooks:DisableAfter must be more than 0.";
    }
}
