namespace Bayan.Numbering;

/// <summary>The last number an office gave in one scope (a year of a calendar, or "all" when the pattern has no year).</summary>
public sealed class NumberSequence
{
    public int OfficeId { get; set; }
    public required string Scope { get; set; }
    public int Last { get; set; }
}
