using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bayan.Importing;

/// <summary>
/// What one item of an imported archive became, so that a second run updates it instead of making it again,
/// an interrupted run picks up where it stopped, and old addresses can be answered with the new page.
/// <see cref="SourceId"/> is the item's id where it came from (a WordPress post id, a category's slug);
/// <see cref="TargetId"/> what it is now (a release id, a page id, a media id).
/// </summary>
public sealed class ImportedItem
{
    public int Id { get; set; }

    /// <summary>"wordpress" or "k2".</summary>
    public required string Source { get; set; }

    /// <summary>The site the archive came from (WordPress's base_site_url), so two sites' ids never meet.</summary>
    public required string SourceSite { get; set; }

    /// <summary>What the item is: see <see cref="ImportKinds"/>.</summary>
    public required string Kind { get; set; }

    public required string SourceId { get; set; }

    /// <summary>Null while the item is being made: the next run makes it again.</summary>
    public string? TargetId { get; set; }

    /// <summary>The language version it became, for a post of a translation group.</summary>
    public string? Language { get; set; }

    /// <summary>Its address on the old site (a permalink, /?p=ID), for redirects.</summary>
    public string? OldUrl { get; set; }

    /// <summary>The path of <see cref="OldUrl"/> made comparable (<see cref="Redirects.OldPaths.KeyOfUrl"/>), for looking a permalink up.</summary>
    public string? OldPath { get; set; }

    /// <summary>Whether its old addresses still lead to it: an administrator can mark them gone (410) or remove them (404).</summary>
    public Redirects.ImportedRedirect Redirect { get; set; }

    /// <summary>A digest of what was imported; a run that finds the same digest leaves the item alone.</summary>
    public string? ContentHash { get; set; }

    public DateTime ImportedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The kinds of imported items.</summary>
public static class ImportKinds
{
    public const string Post = "post";
    public const string Page = "page";
    public const string Category = "category";
    public const string Tag = "tag";
    public const string Attachment = "attachment";
    public const string Comment = "comment";
    public const string User = "user";
}

internal sealed class ImportedItemConfiguration : IEntityTypeConfiguration<ImportedItem>
{
    public void Configure(EntityTypeBuilder<ImportedItem> entity)
    {
        entity.HasIndex(i => new { i.Source, i.SourceSite, i.Kind, i.SourceId }).IsUnique();
        // Old addresses are looked up without knowing the old site: "/?p=12" by kind and id, a permalink by its path.
        entity.HasIndex(i => new { i.Kind, i.SourceId });
        entity.HasIndex(i => i.OldPath);
        entity.Property(i => i.OldPath).HasMaxLength(Limits.Url);
        entity.Property(i => i.Source).HasMaxLength(32);
        entity.Property(i => i.SourceSite).HasMaxLength(Limits.Url);
        entity.Property(i => i.Kind).HasMaxLength(32);
        entity.Property(i => i.SourceId).HasMaxLength(Limits.Slug);
        entity.Property(i => i.TargetId).HasMaxLength(64);
        entity.Property(i => i.Language).HasMaxLength(Limits.Language);
        entity.Property(i => i.OldUrl).HasMaxLength(Limits.Url);
        entity.Property(i => i.ContentHash).HasMaxLength(64);
    }
}
