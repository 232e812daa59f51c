using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bayan.Webhooks;

/// <summary>
/// One event, written in the same transaction as the change it tells of (the outbox), with its body
/// exactly as it is sent and signed. Its <see cref="MessageId"/> is the `webhook-id` of every attempt,
/// so a receiver can tell a repeated delivery from a new event.
/// </summary>
public sealed class WebhookMessage
{
    public long Id { get; set; }
    public required string MessageId { get; set; }
    public required string Type { get; set; }
    public int? ReleaseId { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A message on its way to one endpoint: what is due when, who holds it now, and how it ended.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public long WebhookMessageId { get; set; }
    public WebhookMessage Message { get; set; } = null!;
    public int EndpointId { get; set; }

    /// <summary>Deliveries of one release to one endpoint go in the order they were written; null for a ping.</summary>
    public int? ReleaseId { get; set; }

    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTime DueAt { get; set; }

    /// <summary>A node that claimed the delivery holds it until then; a node that died lets it go at that time.</summary>
    public DateTime? LeaseUntil { get; set; }
    public string? LeasedBy { get; set; }

    /// <summary>Retries go on for <see cref="WebhookOptions.RetryFor"/> from here.</summary>
    public DateTime? FirstAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum DeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Every retry failed: given up, until an administrator sends it again.</summary>
    Failed,
}

/// <summary>One try of a delivery, as the log shows it: the answer's status, how long it took and the start of its body.</summary>
public sealed class WebhookAttempt
{
    public const int AnswerLength = 1_000;

    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public DateTime At { get; set; }

    /// <summary>The HTTP status of the answer; null when none came (refused, timed out, connection failed).</summary>
    public int? StatusCode { get; set; }

    public int DurationMs { get; set; }

    /// <summary>The first characters of the answer's body.</summary>
    public string? Answer { get; set; }

    /// <summary>Why no answer counted: a message key of the catalogue and, after a space, details.</summary>
    public string? Error { get; set; }
}

internal sealed class WebhookOutboxConfiguration :
    IEntityTypeConfiguration<WebhookMessage>, IEntityTypeConfiguration<WebhookDelivery>, IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookMessage> entity)
    {
        entity.HasIndex(m => m.MessageId).IsUnique();
        entity.Property(m => m.MessageId).HasMaxLength(40);
        entity.Property(m => m.Type).HasMaxLength(40);
        entity.Property(m => m.Payload).HasMaxLength(100_000);
        entity.HasIndex(m => m.CreatedAt);
    }

    public void Configure(EntityTypeBuilder<WebhookDelivery> entity)
    {
        entity.HasOne(d => d.Message).WithMany().HasForeignKey(d => d.WebhookMessageId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(d => d.LeasedBy).HasMaxLength(100);
        // What the sender asks for on every round: the pending ones that are due, and the earlier ones of a release.
        entity.HasIndex(d => new { d.Status, d.DueAt });
        entity.HasIndex(d => new { d.EndpointId, d.ReleaseId, d.Status });
        entity.HasIndex(d => new { d.EndpointId, d.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<WebhookAttempt> entity)
    {
        entity.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(a => a.Answer).HasMaxLength(WebhookAttempt.AnswerLength);
        entity.Property(a => a.Error).HasMaxLength(500);
        entity.HasIndex(a => new { a.DeliveryId, a.At });
    }
}
