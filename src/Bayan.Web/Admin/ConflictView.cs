using Bayan.Editing;

namespace Bayan.Web.Admin;

/// <summary>The differing fields of a conflict, shown with a choice of side per field for the form <paramref name="Form"/>.</summary>
public sealed record ConflictView(IReadOnlyList<FieldConflict> Fields, string Form, string Language);
