using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bayan.Redirects;

/// <summary>
/// An old address an administrator sends somewhere: a path of this site or another site's address (301), or
/// nowhere (<see cref="Gone"/>: 410). Imported items answer their old addresses by themselves
/// (<see cref="Importing.ImportedItem"/>); a redirect made here wins over them for the same path.
/// </summary>
public sealed class Redirect
{
    public int Id { get; set; }

    /// <summary>The old path as the administrator gave it, for the list.</summary>
    public required string From { get; set; }

    /// <summary>The same path made comparable (<see cref="OldPaths.Key"/>): what requests are looked up by.</summary>
    public required string FromKey { get; set; }

    /// <summary>Where it leads: "/en/pages/about" or "https://elsewhere.example/x"; null when <see cref="Gone"/>.</summary>
    public string? To { get; set; }

    public bool Gone { get; set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

internal sealed class RedirectConfiguration : IEntityTypeConfiguration<Redirect>
{
    public void Configure(EntityTypeBuilder<Redirect> entity)
    {
        entity.ToTable("Redirects");
        entity.HasIndex(r => r.FromKey).IsUnique();
        entity.Property(r => r.From).HasMaxLength(Limits.Url);
        entity.Property(r => r.FromKey).HasMaxLength(Limits.Url);
        entity.Property(r => r.To).HasMaxLength(Limits.Url);
        entity.Property(r => r.CreatedBy).HasMaxLength(Limits.Title);
    }
}
