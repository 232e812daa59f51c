namespace Bayan.Sites;

/// <summary>The installation's settings: there is exactly one row.</summary>
public sealed class Site
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>IANA zone name, e.g. "Asia/Riyadh"; every public date is shown in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    public int PageSize { get; set; } = 20;
    public DateTime UpdatedAt { get; set; }
}
