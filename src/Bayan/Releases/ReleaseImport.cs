using Bayan.Categories;
using Bayan.Data;
using Bayan.Numbering;
using Bayan.Offices;
using Bayan.Rendering;
using Bayan.Search;
using Bayan.Slugs;
using Bayan.Tags;

namespace Bayan.Releases;

/// <summary>The text of one language version; the slug comes from the title unless given.</summary>
public sealed record VersionText(string Language, string Title, string Summary, string Body, string? Slug = null);

/// <summary>What an imported release is: published at a given time, with its versions, categories and tags.</summary>
public sealed record ImportedRelease(
    Office Office,
    ReleaseType Type,
    string OriginalLanguage,
    DateTime PublishAt,
    IReadOnlyList<VersionText> Versions,
    IReadOnlyList<Category>? Categories = null,
    IReadOnlyList<Tag>? Tags = null,
    string? ReferenceNumber = null);

/// <summary>
/// Adds a release that is already published (demo content, imports), with a first revision of every
/// version, each translation linked to the original revision it was translated from, and a reference
/// number from its office's pattern unless it brings one. It is searchable as soon as it is saved.
/// </summary>
public static class ReleaseImport
{
    public static async Task<Release> AddAsync(BayanDb db, ImportedRelease item, string author, CancellationToken ct)
    {
        var release = new Release
        {
            Office = item.Office,
            Type = item.Type,
            OriginalLanguage = item.OriginalLanguage,
            Status = ReleaseStatus.Published,
            ReferenceNumber = item.ReferenceNumber,
            PublishAt = item.PublishAt,
            CreatedAt = item.PublishAt,
            UpdatedAt = item.PublishAt,
            Categories = [.. item.Categories ?? []],
            Tags = [.. item.Tags ?? []],
        };
        foreach (var text in item.Versions)
        {
            release.Versions.Add(new ReleaseVersion
            {
                Language = text.Language,
                Title = text.Title,
                Slug = text.Slug ?? Slug.From(text.Title),
                Summary = text.Summary,
                Body = text.Body,
                BodyHtml = MarkdownRenderer.ToSafeHtml(text.Body),
                UpdatedAt = item.PublishAt,
                Revisions =
                [
                    new Revision { Number = 1, Title = text.Title, Summary = text.Summary, Body = text.Body, Author = author, CreatedAt = item.PublishAt },
                ],
            });
        }
        db.Releases.Add(release);
        await ReferenceNumbers.AssignAsync(db, release, item.PublishAt, ct);
        await db.SaveChangesAsync(ct);

        // Revision ids exist only now: link every version to its revision, and translations to the original's.
        var original = release.Versions.FirstOrDefault(v => v.Language == item.OriginalLanguage);
        foreach (var version in release.Versions)
        {
            version.CurrentRevisionId = version.Revisions[0].Id;
            if (version != original)
                version.SourceRevisionId = original?.Revisions[0].Id;
        }
        await db.SaveChangesAsync(ct);
        await SearchIndex.For(db).UpdateAsync([release.Id], ct);
        return release;
    }
}
