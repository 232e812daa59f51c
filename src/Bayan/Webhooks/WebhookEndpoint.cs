using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bayan.Webhooks;

/// <summary>
/// An address an administrator registered to be told of events: which events, optionally only those
/// of one office or one language, and the secret that signs each delivery. During a rotation the
/// former secret signs too, until <see cref="PreviousSecretUntil"/>.
/// </summary>
public sealed class WebhookEndpoint
{
    public int Id { get; set; }
    public required string Url { get; set; }
    public string Description { get; set; } = "";

    /// <summary>The event types it takes, separated by spaces ("release.published comment.created").</summary>
    public string Events { get; set; } = "";

    public int? OfficeId { get; set; }
    public string? Language { get; set; }

    /// <summary>
    /// The signing secret, encrypted (<see cref="WebhookSecretVault"/>): the administrator was shown
    /// "whsec_..." once. A value that still begins with "whsec_" was kept in plain text by an earlier Bayan.
    /// </summary>
    public required string Secret { get; set; }

    /// <summary>The former secret during a rotation's overlap, encrypted like <see cref="Secret"/>.</summary>
    public string? PreviousSecret { get; set; }
    public DateTime? PreviousSecretUntil { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The first failure since the last delivery that succeeded; null while it answers.</summary>
    public DateTime? FailingSince { get; set; }

    /// <summary>When Bayan turned it off by itself (failing for long, or it answered 410 Gone); the dashboard says so until it is on again.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>Why Bayan turned it off: a message key.</summary>
    public string? DisabledReason { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Moves by one with every change of the endpoint; the API's ETag, so a change based on an old one is refused.</summary>
    public int Revision { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Takes(string type) => Takes(Events, type);

    /// <summary>Whether a stored list of event types (space-separated) holds <paramref name="type"/>.</summary>
    public static bool Takes(string events, string type) => events.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(type);
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> entity)
    {
        entity.Property(e => e.Url).HasMaxLength(Limits.Url);
        entity.Property(e => e.Description).HasMaxLength(Limits.Title);
        entity.Property(e => e.Events).HasMaxLength(500);
        entity.Property(e => e.Language).HasMaxLength(Limits.Language);
        // Encrypted, a secret takes about 200 characters; room for other algorithms of Data Protection.
        entity.Property(e => e.Secret).HasMaxLength(500);
        entity.Property(e => e.PreviousSecret).HasMaxLength(500);
        entity.Property(e => e.DisabledReason).HasMaxLength(64);
        entity.HasOne<Offices.Office>().WithMany().HasForeignKey(e => e.OfficeId).OnDelete(DeleteBehavior.Cascade);
    }
}
