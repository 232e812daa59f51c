namespace Bayan.Dates;

/// <summary>A date as a reader sees it: machine-readable ISO 8601 for &lt;time datetime&gt;, and localized text.</summary>
public sealed record LocalDate(string Iso, string Text);
