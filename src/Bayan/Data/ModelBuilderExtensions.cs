using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bayan.Data;

internal static class ModelBuilderExtensions
{
    public static PropertyBuilder<string> HaveLanguageLength(this PropertyBuilder<string> property) =>
        property.HasMaxLength(Limits.Language);

    /// <summary>Undoes the default string length for text Bayan writes itself (rendered HTML).</summary>
    public static PropertyBuilder<string> IsUnbounded(this PropertyBuilder<string> property)
    {
        property.Metadata.SetMaxLength(null);
        return property;
    }
}
