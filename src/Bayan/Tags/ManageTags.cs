using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Slugs;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tags;

/// <summary>Names tags in each language, merges and deletes them; administrators only.</summary>
public sealed class ManageTags(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    /// <summary>
    /// Gives a tag its name in each site language (an empty name takes the tag off that language's
    /// pages); the slug of each name is made from it. At least one name stays.
    /// </summary>
    public async Task<Outcome> SaveNamesAsync(Actor actor, int id, IReadOnlyDictionary<string, string>? names, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var tag = await db.Tags.Include(t => t.Names).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
            return new Outcome.NotFound();
        var languages = await db.SiteLanguages.Select(l => l.Code).ToListAsync(ct);
        var errors = new Dictionary<string, Problem>();
        var wanted = new Dictionary<string, (string Name, string Slug)>();
        foreach (var language in languages)
        {
            var name = names?.GetValueOrDefault(language)?.Trim() ?? "";
            if (name.Length == 0)
                continue;
            var slug = Slug.From(name);
            if (name.Length > Limits.Title || name.Contains('<') || slug.Length == 0)
                errors[$"name_{language}"] = new Problem("edit_tag_invalid");
            else if (await db.TagNames.AnyAsync(n => n.Language == language && n.Slug == slug && n.TagId != id, ct))
                errors[$"name_{language}"] = new Problem("manage_slug_taken", slug);
            wanted[language] = (name, slug);
        }
        // Names in languages the site no longer has stay as they are: nobody can see or edit them here.
        if (wanted.Count == 0 && tag.Names.All(n => languages.Contains(n.Language)))
            errors["names"] = new Problem("manage_tag_name_required");
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);

        var before = Describe(tag);
        tag.Names.RemoveAll(n => languages.Contains(n.Language) && !wanted.ContainsKey(n.Language));
        foreach (var (language, (name, slug)) in wanted)
        {
            if (tag.NameIn(language) is { } existing)
                (existing.Name, existing.Slug) = (name, slug);
            else
                tag.Names.Add(new TagName { Language = language, Name = name, Slug = slug });
        }
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "tag.renamed", $"tag:{id}", $"{before} -> {Describe(tag)}");
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything("tags"));
        return new Outcome.Done(id, new Problem("manage_saved"));
    }

    /// <summary>
    /// Moves every release of one tag to another (never twice onto one release) and removes the first;
    /// the second takes the first's names in the languages it had none in, so merging an Arabic tag
    /// into its English twin gives one tag named in both.
    /// </summary>
    public async Task<Outcome> MergeAsync(Actor actor, int fromId, int intoId, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var from = await db.Tags.Include(t => t.Names).FirstOrDefaultAsync(t => t.Id == fromId, ct);
        var into = await db.Tags.Include(t => t.Names).FirstOrDefaultAsync(t => t.Id == intoId, ct);
        if (from is null || into is null || fromId == intoId)
            return Invalid("into", new Problem("manage_merge_invalid"));
        var releases = await db.Releases.Include(r => r.Tags).Where(r => r.Tags.Any(t => t.Id == fromId)).ToListAsync(ct);
        foreach (var release in releases)
        {
            release.Tags.RemoveAll(t => t.Id == fromId);
            if (release.Tags.All(t => t.Id != intoId))
                release.Tags.Add(into);
        }
        var taken = from.Names.Where(n => into.NameIn(n.Language) is null)
            .Select(n => new TagName { Language = n.Language, Name = n.Name, Slug = n.Slug }).ToList();
        db.Tags.Remove(from);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "tag.merged", $"tag:{intoId}", $"{Describe(from)} into {Describe(into)}; {releases.Count} releases");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The first tag's names go before the second takes them: a language's slugs are unique.
        await db.SaveChangesAsync(ct);
        into.Names.AddRange(taken);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything("tags"));
        return new Outcome.Done(intoId, new Problem("manage_saved"));
    }

    public async Task<Outcome> DeleteAsync(Actor actor, int id, CancellationToken ct)
    {
        if (!actor.CanManageSite)
            return new Outcome.Forbidden();
        var tag = await db.Tags.Include(t => t.Names).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
            return new Outcome.NotFound();
        db.Tags.Remove(tag);
        AuditLog.Record(db, clock.GetUtcNow().UtcDateTime, actor.Name, "tag.deleted", $"tag:{id}", Describe(tag));
        await db.SaveChangesAsync(ct);
        await changes.SavedAsync(new ContentChange.Everything("tags"));
        return new Outcome.Done(id, new Problem("manage_saved"));
    }

    private static string Describe(Tag tag) =>
        string.Join(", ", tag.Names.OrderBy(n => n.Language, StringComparer.Ordinal).Select(n => $"{n.Language}={n.Name}"));

    private static Outcome Invalid(string field, Problem problem) =>
        new Outcome.Invalid(new Dictionary<string, Problem> { [field] = problem });
}
