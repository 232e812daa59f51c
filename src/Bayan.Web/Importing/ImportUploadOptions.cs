using Bayan.Media;

namespace Bayan.Web.Importing;

/// <summary>The "Bayan:Import" section: how large a WordPress export the back office accepts.</summary>
public sealed class ImportUploadOptions
{
    public const string Section = "Bayan:Import";

    /// <summary>A newsroom's years of posts run to hundreds of megabytes; only the upload of the import page may be this large.</summary>
    public int MaxUploadMegabytes { get; set; } = 2048;

    public long MaxUploadBytes => MaxUploadMegabytes * MediaOptions.Megabyte;
}
