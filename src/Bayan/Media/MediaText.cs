using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bayan.Media;

/// <summary>
/// What a media item says in one language: its alternative text for readers who cannot see it,
/// and a caption shown under it. An image used by an Arabic and an English release needs both.
/// </summary>
public sealed class MediaText
{
    public Guid MediaId { get; set; }
    public required string Language { get; set; }
    public string AltText { get; set; } = "";
    public string Caption { get; set; } = "";
}

internal sealed class MediaTextConfiguration : IEntityTypeConfiguration<MediaText>
{
    public void Configure(EntityTypeBuilder<MediaText> entity)
    {
        entity.HasKey(t => new { t.MediaId, t.Language });
        entity.Property(t => t.Language).HaveLanguageLength();
        entity.Property(t => t.AltText).HasMaxLength(Limits.Title);
        entity.Property(t => t.Caption).HasMaxLength(Limits.Summary);
        entity.HasOne<MediaItem>().WithMany(m => m.Texts).HasForeignKey(t => t.MediaId).OnDelete(DeleteBehavior.Cascade);
    }
}
