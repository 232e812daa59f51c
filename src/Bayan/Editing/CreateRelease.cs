using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;
using Bayan.Releases;
using Bayan.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Editing;

public sealed record NewRelease(
    int OfficeId,
    ReleaseType Type,
    string Language,
    string Title,
    string? Slug,
    string Summary,
    string Body,
    IReadOnlyList<int>? CategoryIds = null,
    IReadOnlyList<string>? Tags = null);

/// <summary>Starts a release as a draft in its original language, with its first revision.</summary>
public sealed class CreateRelease(BayanDb db, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(Actor actor, NewRelease input, CancellationToken ct)
    {
        var office = await db.Offices.FirstOrDefaultAsync(o => o.Id == input.OfficeId, ct);
        if (office is not null && !actor.CanCreateIn(office.Id))
            return new Outcome.Forbidden();
        var errors = VersionRules.Check(input.Title, input.Slug, input.Summary, input.Body);
        if (office is null)
            errors["office"] = new Problem("edit_office_unknown");
        if (!await db.SiteLanguages.AnyAsync(l => l.Code == input.Language, ct))
            errors["language"] = new Problem("edit_language_unknown", input.Language);
        if (!Enum.IsDefined(input.Type))
            errors["type"] = new Problem("edit_type_unknown");
        var categoryIds = input.CategoryIds ?? [];
        var categories = await db.Categories.Where(c => categoryIds.Contains(c.Id)).ToListAsync(ct);
        if (categories.Count != categoryIds.Distinct().Count())
            errors["categories"] = new Problem("edit_category_unknown");
        var tags = await Tagging.FindOrCreateAsync(db, input.Language, input.Tags ?? [], errors, ct);
        if (errors.Count > 0)
            return new Outcome.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var title = input.Title.Trim();
        var release = new Release
        {
            OfficeId = office!.Id,
            Type = input.Type,
            OriginalLanguage = input.Language,
            Status = ReleaseStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            Revision = 1,
            Categories = categories,
            Tags = tags,
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
        db.Releases.Add(release);
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        version.CurrentRevisionId = version.Revisions[0].Id;
        AuditLog.Record(db, now, actor.Name, "release.created", $"release:{release.Id}", $"{input.Language}: {title}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome.Done(release.Id, new Problem("edit_created"));
    }
}
