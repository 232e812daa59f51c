using Bayan.Categories;
using Bayan.Data;
using Bayan.Numbering;
using Bayan.Offices;
using Bayan.Releases;
using Bayan.Rendering;
using Bayan.Search;
using Bayan.Slugs;
using Bayan.Tags;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Demo;

/// <summary>
/// Many more releases for benchmarks (`bayan demo --releases 100000`): Arabic originals with English
/// translations, recombined from the demo's own texts and spread over the past years, so pages,
/// listings and search meet realistic text. Written in batches, so 100,000 take minutes, not hours.
/// </summary>
internal sealed class SyntheticReleases(BayanDb db)
{
    private const int Batch = 500;

    private static readonly (string Ar, string En)[] Places =
    [
        ("الحي الشمالي", "Northern District"), ("الوادي الشرقي", "Eastern Valley"), ("حي النور", "Al-Noor Quarter"),
        ("المنطقة الساحلية", "Coastal Area"), ("حي الياسمين", "Al-Yasmin Quarter"), ("المدينة القديمة", "Old City"),
        ("الضاحية الغربية", "Western Suburb"), ("حي الروضة", "Al-Rawdah Quarter"), ("المنطقة الصناعية", "Industrial Zone"),
        ("حي السلام", "Al-Salam Quarter"), ("الجبل الأخضر", "Green Mountain"), ("حي الفيصلية", "Al-Faisaliah Quarter"),
    ];

    public async Task AddAsync(
        DemoContent content, IReadOnlyList<Office> offices, IReadOnlyList<Category> categories, IReadOnlyList<Tag> tags,
        int count, DateTime now, IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct)
    {
        var sources = content.Releases.Where(r => r.Versions.ContainsKey("ar") && r.Versions.ContainsKey("en")).ToList();
        // Spread over about two years, oldest first, so numbers rise with time.
        var step = TimeSpan.FromMinutes(Math.Max(1, 2 * 365 * 24 * 60 / Math.Max(1, count)));
        var start = now - step * count;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var first = 0; first < count; first += Batch)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.AttachRange(offices);
            db.AttachRange(categories);
            db.AttachRange(tags);
            var batch = new List<Release>();
            for (var i = first; i < Math.Min(count, first + Batch); i++)
            {
                var release = Make(i, sources, offices, categories, tags, start + step * i);
                db.Releases.Add(release);
                await ReferenceNumbers.AssignAsync(db, release, release.PublishAt!.Value, ct);
                batch.Add(release);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            foreach (var release in batch)
            {
                var original = release.Versions[0];
                foreach (var version in release.Versions)
                {
                    version.CurrentRevisionId = version.Revisions[0].Id;
                    if (version != original)
                        version.SourceRevisionId = original.Revisions[0].Id;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await SearchIndex.For(db).UpdateAsync([.. batch.Select(r => r.Id)], ct);
            await transaction.CommitAsync(ct);
            progress.Report(("Synthetic", Math.Min(count, first + Batch), count));
        }
        // A search reads every batch's part of the index until they are merged.
        await SearchIndex.For(db).CompactAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.ChangeTracker.Clear();
    }

    private static Release Make(
        int i, List<DemoRelease> sources, IReadOnlyList<Office> offices, IReadOnlyList<Category> categories, IReadOnlyList<Tag> tags, DateTime at)
    {
        var source = sources[i % sources.Count];
        var extra = sources[(i * 7 + 3) % sources.Count];
        var place = Places[i % Places.Length];
        var office = offices[i % offices.Count];
        var release = new Release
        {
            Office = office,
            Type = (ReleaseType)(i % 4),
            OriginalLanguage = "ar",
            Status = ReleaseStatus.Published,
            PublishAt = at,
            CreatedAt = at,
            UpdatedAt = at,
            Categories = [categories[i % categories.Count]],
            Tags = [tags[i % tags.Count]],
        };
        release.Versions.Add(Version("ar", $"{source.Versions["ar"].Title}: {place.Ar}", source.Versions["ar"], extra.Versions["ar"], at));
        release.Versions.Add(Version("en", $"{source.Versions["en"].Title}: {place.En}", source.Versions["en"], extra.Versions["en"], at));
        return release;
    }

    private static ReleaseVersion Version(string language, string title, DemoReleaseVersion text, DemoReleaseVersion extra, DateTime at)
    {
        var body = text.Body + "\n\n" + extra.Body.Split("\n\n")[0];
        return new ReleaseVersion
        {
            Language = language,
            Title = title,
            Slug = Slug.From(title),
            Summary = text.Summary,
            Body = body,
            BodyHtml = MarkdownRenderer.ToSafeHtml(body),
            UpdatedAt = at,
            Revisions = [new Revision { Number = 1, Title = title, Summary = text.Summary, Body = body, Author = "Bayan demo", CreatedAt = at }],
        };
    }
}
