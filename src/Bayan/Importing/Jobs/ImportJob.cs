using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bayan.Importing.Jobs;

/// <summary>
/// An import started from the back office, as every node of the site sees it: what was asked, how far it got
/// (written about once a second by the node that runs it) and, once it ended, its report. A job whose node
/// stopped writing for <see cref="ImportJobQueries.StaleAfter"/> was interrupted (the process stopped).
/// </summary>
public sealed class ImportJob
{
    public int Id { get; set; }

    /// <summary>"wordpress".</summary>
    public required string Source { get; set; }

    /// <summary>The file's name as the administrator's computer called it.</summary>
    public required string FileName { get; set; }

    /// <summary>Where the upload waits, relative to the data folder's imports folder; removed when the import ends.</summary>
    public required string StoredFile { get; set; }

    public long Bytes { get; set; }

    public required string OfficeCode { get; set; }
    public string? Language { get; set; }
    public string? UploadsDirectory { get; set; }
    public NumberChoice Numbers { get; set; }
    public bool DryRun { get; set; }
    public bool Users { get; set; }

    public required string StartedBy { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>When the node running it last wrote; a job that stops beating was interrupted.</summary>
    public DateTime HeartbeatAt { get; set; }

    public DateTime? FinishedAt { get; set; }
    public ImportJobState State { get; set; }

    /// <summary>The importer's step ("Reading", "Posts", ...), how many of how many (0: not known yet), items per second.</summary>
    public string Step { get; set; } = "";
    public int Done { get; set; }
    public int Total { get; set; }
    public double Rate { get; set; }

    /// <summary>The report as JSON (<see cref="StoredReport"/>), once the import ended; it holds the error that stopped it.</summary>
    public string? Report { get; set; }

    /// <summary>
    /// 1 while the job runs, null once it ended: a unique index on it lets one import run per site, also when two
    /// nodes are asked at the same moment.
    /// </summary>
    public int? RunningSlot { get; set; }
}

public enum ImportJobState
{
    Running,
    Finished,
    Failed,
    Interrupted,
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> entity)
    {
        entity.HasIndex(j => j.RunningSlot).IsUnique();
        entity.HasIndex(j => j.StartedAt);
        entity.Property(j => j.Source).HasMaxLength(32);
        entity.Property(j => j.FileName).HasMaxLength(Limits.Title);
        entity.Property(j => j.StoredFile).HasMaxLength(100);
        entity.Property(j => j.OfficeCode).HasMaxLength(Limits.Slug);
        entity.Property(j => j.Language).HasMaxLength(Limits.Language);
        entity.Property(j => j.UploadsDirectory).HasMaxLength(Limits.Url);
        entity.Property(j => j.StartedBy).HasMaxLength(Limits.Title);
        entity.Property(j => j.Step).HasMaxLength(64);
        entity.Property(j => j.Report).Metadata.SetMaxLength(null);
    }
}
