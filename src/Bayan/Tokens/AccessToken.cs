using Bayan.Accounts;
using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bayan.Tokens;

/// <summary>
/// A personal access token: a script or an app acts as its person through the API, within that
/// person's offices, languages and role, narrowed by the token's scopes. Only a hash of the secret
/// is kept (see <see cref="TokenSecret"/>), so the database never holds a working token.
/// </summary>
public sealed class AccessToken
{
    public const int NameLength = 100;

    public int Id { get; set; }
    public int UserId { get; set; }

    /// <summary>What the person calls it ("newsletter", "CI publish"); unique among their live tokens.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the whole token, in hex: how a presented token is found.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The token's first characters ("bayan_k3F9q"), so its owner can tell tokens apart in a list.</summary>
    public required string Hint { get; set; }

    /// <summary>The scopes, space separated in <see cref="TokenScopes"/> order: "read write".</summary>
    public required string Scopes { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>After this instant the token is refused; null: it works until revoked.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When a request last used it, to within <see cref="AuthenticateToken.UseGranularity"/>.</summary>
    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> entity)
    {
        entity.HasIndex(t => t.SecretHash).IsUnique();
        entity.HasIndex(t => t.UserId);
        entity.Property(t => t.Name).HasMaxLength(AccessToken.NameLength);
        entity.Property(t => t.SecretHash).HasMaxLength(64);
        entity.Property(t => t.Hint).HasMaxLength(16);
        entity.Property(t => t.Scopes).HasMaxLength(64);
        entity.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
