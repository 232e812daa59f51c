using System.Text.Json;
using Bayan.Categories;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Navigation;
using Bayan.Offices;
using Bayan.Pages;
using Bayan.Releases;
using Bayan.Rendering;
using Bayan.Sites;
using Bayan.Slugs;
using Bayan.Tags;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Demo;

public sealed record DemoOutcome(bool Changed, string Message);

/// <summary>
/// Fills an empty site with demonstration content. A site that already has offices or releases
/// is left exactly as it is, so running the command twice changes nothing the second time.
/// </summary>
public sealed class DemoSite(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    private const string Author = "Bayan demo";

    /// <param name="extraReleases">Synthetic releases to add after the demo's own, for benchmarks.</param>
    public async Task<DemoOutcome> RunAsync(IProgress<(string Step, int Done, int Total)> progress, CancellationToken ct, int extraReleases = 0)
    {
        if (await db.Offices.AnyAsync(ct) || await db.Releases.AnyAsync(ct))
            return new(false, "The site already has content; the demo changed nothing.");

        var content = Load();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        if (!await db.Sites.AnyAsync(ct))
            AddSite(content.Site, now);
        var offices = AddOffices(content.Offices);
        var categories = AddCategories(content.Categories, parent: null, new Dictionary<string, Category>());
        var tags = content.Tags.ToDictionary(t => t.Key, t => new Tag
        {
            Names = [.. t.Names.Select(n => new TagName { Language = n.Key, Name = n.Value, Slug = Slug.From(n.Value) })],
        });
        db.Tags.AddRange(tags.Values);
        AddPages(content.Pages, now);
        AddNavigation(content);
        await db.SaveChangesAsync(ct);

        var done = 0;
        // Oldest first, so reference numbers rise with time as they would have in the office.
        foreach (var item in content.Releases.OrderByDescending(r => r.HoursAgo))
        {
            await AddReleaseAsync(item, offices[item.Office], categories, tags, now, ct);
            progress.Report(("Releases", ++done, content.Releases.Count));
        }
        await transaction.CommitAsync(ct);
        // After the demo itself, batch by batch: one transaction of 100,000 releases would grow SQLite's
        // write-ahead log past a gigabyte and slow every batch after it.
        if (extraReleases > 0)
        {
            await new SyntheticReleases(db).AddAsync(content, [.. offices.Values], [.. categories.Values], [.. tags.Values],
                extraReleases, now, progress, ct);
        }
        await changes.SavedAsync(new ContentChange.Everything("demo content"));
        return new(true, $"The demo site is ready: {offices.Count} offices, {content.Releases.Count + extraReleases} releases, {categories.Count} categories.");
    }

    private void AddSite(DemoSiteSettings settings, DateTime now)
    {
        db.Sites.Add(new Site { DefaultLanguage = settings.DefaultLanguage, TimeZone = settings.TimeZone, UpdatedAt = now });
        var position = 0;
        foreach (var language in settings.Languages)
        {
            db.SiteLanguages.Add(new SiteLanguage
            {
                Code = language.Code,
                SiteName = language.SiteName,
                Tagline = language.Tagline,
                ClockName = language.ClockName ?? "",
                Position = position++,
            });
        }
    }

    private Dictionary<string, Office> AddOffices(List<DemoOffice> items)
    {
        var offices = new Dictionary<string, Office>();
        var position = 0;
        foreach (var item in items)
        {
            var office = new Office
            {
                Code = item.Code,
                DefaultLanguage = item.DefaultLanguage,
                TimeZone = item.TimeZone,
                NumberingPattern = item.NumberingPattern,
                Position = position++,
                Names = [.. item.Names.Select(n => new OfficeName
                {
                    Language = n.Key,
                    Name = n.Value,
                    FullName = item.Signature?.FullNames.GetValueOrDefault(n.Key),
                    Address = item.Signature?.Addresses.GetValueOrDefault(n.Key),
                })],
                Website = item.Signature?.Website,
                Telephone = item.Signature?.Telephone,
                Email = item.Signature?.Email,
                SocialLinks = item.Signature?.Social is { Count: > 0 } social ? string.Join('\n', social) : null,
            };
            db.Offices.Add(office);
            offices[item.Code] = office;
        }
        return offices;
    }

    private Dictionary<string, Category> AddCategories(List<DemoCategory> items, Category? parent, Dictionary<string, Category> all)
    {
        var position = 0;
        foreach (var item in items)
        {
            var category = new Category
            {
                Parent = parent,
                Position = position++,
                Names = [.. item.Names.Select(n => new CategoryName { Language = n.Key, Name = n.Value.Name, Slug = n.Value.Slug })],
            };
            db.Categories.Add(category);
            all[item.Key] = category;
            AddCategories(item.Children ?? [], category, all);
        }
        return all;
    }

    private void AddPages(List<DemoPage> pages, DateTime now)
    {
        foreach (var page in pages)
        {
            foreach (var (language, version) in page.Versions)
            {
                db.Pages.Add(new StaticPage
                {
                    Key = page.Key,
                    Language = language,
                    Slug = version.Slug,
                    Title = version.Title,
                    Body = version.Body,
                    BodyHtml = MarkdownRenderer.ToSafeHtml(version.Body),
                    UpdatedAt = now,
                });
            }
        }
    }

    private void AddNavigation(DemoContent content)
    {
        foreach (var (language, links) in content.Menu)
            db.MenuItems.AddRange(links.Select((l, i) => new MenuItem { Language = language, Label = l.Label, Url = l.Url, Position = i }));
        foreach (var (language, lists) in content.LinkLists)
        {
            db.LinkLists.AddRange(lists.Select((list, i) => new LinkList
            {
                Language = language,
                Title = list.Title,
                Position = i,
                Items = [.. list.Links.Select((l, j) => new LinkListItem { Label = l.Label, Url = l.Url, Position = j })],
            }));
        }
    }

    private Task AddReleaseAsync(
        DemoRelease item, Office office, Dictionary<string, Category> categories, Dictionary<string, Tag> tags, DateTime now, CancellationToken ct) =>
        ReleaseImport.AddAsync(db, new ImportedRelease(
            office,
            Enum.Parse<ReleaseType>(item.Type),
            item.OriginalLanguage,
            now.AddHours(-item.HoursAgo),
            [.. item.Versions.OrderBy(v => v.Key == item.OriginalLanguage ? 0 : 1).Select(v => new VersionText(v.Key, v.Value.Title, v.Value.Summary, v.Value.Body))],
            [.. item.Categories.Select(k => categories[k])],
            [.. item.Tags.Select(k => tags[k])]), Author, ct);

    private static DemoContent Load()
    {
        using var stream = typeof(DemoSite).Assembly.GetManifestResourceStream("Bayan.Demo.demo-content.json")
            ?? throw new InvalidOperationException("The demo content is missing from the build.");
        return JsonSerializer.Deserialize<DemoContent>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The demo content is empty.");
    }
}
