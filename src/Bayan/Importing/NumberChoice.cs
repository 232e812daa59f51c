namespace Bayan.Importing;

/// <summary>
/// Reference numbers of imported published releases: <see cref="Assign"/> numbers them in their office's pattern
/// in the order of their original publication dates; <see cref="Keep"/> keeps the number an item brings (a
/// WordPress custom field `reference_number`) and gives none to the others; <see cref="None"/> numbers none.
/// </summary>
public enum NumberChoice
{
    Assign,
    Keep,
    None,
}
