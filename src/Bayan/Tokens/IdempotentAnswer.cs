using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bayan.Tokens;

/// <summary>
/// The answer to a POST sent with an Idempotency-Key, kept for a day per token and key: the same
/// request sent again (a retry after a lost answer) gets this answer instead of doing the work twice.
/// </summary>
public sealed class IdempotentAnswer
{
    public const int KeyLength = 255;

    public long Id { get; set; }
    public int TokenId { get; set; }
    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, path and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>Null while the first request is still being answered.</summary>
    public int? Status { get; set; }

    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[] Body { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}

internal sealed class IdempotentAnswerConfiguration : IEntityTypeConfiguration<IdempotentAnswer>
{
    public void Configure(EntityTypeBuilder<IdempotentAnswer> entity)
    {
        entity.HasIndex(a => new { a.TokenId, a.Key }).IsUnique();
        entity.HasIndex(a => a.CreatedAt);
        entity.Property(a => a.Key).HasMaxLength(IdempotentAnswer.KeyLength);
        entity.Property(a => a.RequestHash).HasMaxLength(64);
        entity.Property(a => a.ContentType).HasMaxLength(100);
        entity.Property(a => a.Location).HasMaxLength(Limits.Url);
        entity.Property(a => a.ETag).HasMaxLength(64);
        entity.HasOne<AccessToken>().WithMany().HasForeignKey(a => a.TokenId).OnDelete(DeleteBehavior.Cascade);
    }
}
