using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Editing;

/// <summary>One release of a batch: who starts it (its first revision's author and the audit's actor) and what it is.</summary>
public sealed record ReleaseToCreate(Actor Actor, NewRelease Input);

/// <summary>
/// Starts many releases at once, each as <see cref="CreateRelease"/> starts one (the same rules, a draft in its
/// original language with its first revision, categories, tags and audit entry), with what they look up read once
/// for all of them and their rows written in two saves, not two each: an importer starts a few hundred at a time.
/// A release refused has its outcome and changes nothing; the others are saved. Inside the caller's transaction
/// when there is one.
/// </summary>
public sealed class CreateReleases(BayanDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Outcome>> RunAsync(IReadOnlyList<ReleaseToCreate> items, CancellationToken ct)
    {
        var outcomes = new Outcome[items.Count];
        if (items.Count == 0)
            return outcomes;
        var officeIds = items.Select(i => i.Input.OfficeId).Distinct().ToList();
        var offices = (await db.Offices.AsNoTracking().Where(o => officeIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var languages = (await db.SiteLanguages.AsNoTracking().Select(l => l.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var categoryIds = items.SelectMany(i => i.Input.CategoryIds ?? []).Distinct().ToList();
        var categories = await db.Categories.Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var tags = await Tagging.KnownAsync(db, items.SelectMany(i => i.Input.Tags ?? []), ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var made = new List<(int Index, Release Release, ReleaseVersion Version, string Actor)>();
        for (var i = 0; i < items.Count; i++)
        {
            var (actor, input) = items[i];
            var officeKnown = offices.Contains(input.OfficeId);
            if (officeKnown && !actor.CanCreateIn(input.OfficeId))
            {
                outcomes[i] = new Outcome.Forbidden();
                continue;
            }
            var errors = VersionRules.Check(input.Title, input.Slug, input.Summary, input.Body);
            if (!officeKnown)
                errors["office"] = new Problem("edit_office_unknown");
            if (!languages.Contains(input.Language))
                errors["language"] = new Problem("edit_language_unknown", input.Language);
            if (!Enum.IsDefined(input.Type))
                errors["type"] = new Problem("edit_type_unknown");
            var wanted = (input.CategoryIds ?? []).Distinct().ToList();
            if (!wanted.All(categories.ContainsKey))
                errors["categories"] = new Problem("edit_category_unknown");
            var releaseTags = tags.For(input.Language, input.Tags ?? [], errors);
            if (errors.Count > 0)
            {
                outcomes[i] = new Outcome.Invalid(errors);
                continue;
            }
            var title = input.Title.Trim();
            var release = new Release
            {
                OfficeId = input.OfficeId,
                Type = input.Type,
                OriginalLanguage = input.Language,
                Status = ReleaseStatus.Draft,
                CreatedAt = now,
                UpdatedAt = now,
                Revision = 1,
                Categories = [.. wanted.Select(id => categories[id])],
                Tags = releaseTags,
            };
            var version = new ReleaseVersion
            {
                Language = input.Language,
                Title = title,
                Slug = VersionRules.SlugFor(title, input.Slug),
                Summary = input.Summary.Trim(),
                Body = input.Body,
                BodyHtml = MarkdownRenderer.ToSafeHtml(input.Body),
                UpdatedAt = now,
                Revisions = [new Revision { Number = 1, Title = title, Summary = input.Summary.Trim(), Body = input.Body, Author = actor.Name, CreatedAt = now }],
            };
            release.Versions.Add(version);
            made.Add((i, release, version, actor.Name));
        }
        if (made.Count == 0)
            return outcomes;

        db.Releases.AddRange(made.Select(m => m.Release));
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // Revision ids exist only now.
        foreach (var (_, release, version, actor) in made)
        {
            version.CurrentRevisionId = version.Revisions[0].Id;
            AuditLog.Record(db, now, actor, "release.created", $"release:{release.Id}", $"{version.Language}: {version.Title}");
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var (index, release, _, _) in made)
            outcomes[index] = new Outcome.Done(release.Id, new Problem("edit_created"));
        return outcomes;
    }
}
