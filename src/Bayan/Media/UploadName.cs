using Bayan.Slugs;

namespace Bayan.Media;

/// <summary>
/// The name an upload arrived with. It is shown back to the editor and checked against the
/// content, but never used as a path: stored files get a slug of it.
/// </summary>
public sealed class UploadName
{
    private UploadName(string display) => Display = display;

    /// <summary>The name without any folders a browser or a crafted request put before it.</summary>
    public string Display { get; }

    public static UploadName From(string fileName)
    {
        var lastSeparator = fileName.LastIndexOfAny(['/', '\\']);
        return new(fileName[(lastSeparator + 1)..].Trim());
    }

    /// <summary>Why the name cannot stand for this content, or null when it can.</summary>
    public string? Contradiction(MediaKind actual)
    {
        var extension = Path.GetExtension(Display);
        // A name without an extension claims nothing; the stored file gets the right one.
        if (extension.Length <= 1)
            return null;
        return MediaKinds.FromExtension(extension) switch
        {
            { } claimed when claimed == actual => null,
            { } claimed => $"{Display} is a {actual.Noun()}, not a {claimed.Noun()}.",
            null => $"{Display} is a {actual.Noun()}, not a {extension} file; name it with {actual.Extension()}.",
        };
    }

    /// <summary>A file name that is safe in any folder and readable in any script: "بيان-صحفي.png".</summary>
    public string StoredName(MediaKind kind, string suffix = "")
    {
        var slug = Slug.From(Path.GetFileNameWithoutExtension(Display));
        return (slug.Length == 0 ? "file" : slug) + suffix + kind.Extension();
    }
}
