using Bayan.Changes;
using System.Net.Mail;
using Bayan.Data;
using Bayan.Editing;
using Bayan.Releases;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Comments;

/// <summary>A comment as the reader's form sends it. <see cref="Website"/> is the honeypot: people leave it empty.</summary>
public sealed record CommentForm(int ReleaseId, string Language, string? Name, string? Email, string? Text, int? ParentId, string? Website);

public abstract record CommentOutcome
{
    /// <summary>Kept; <see cref="Held"/> when it waits for a moderator.</summary>
    public sealed record Posted(bool Held) : CommentOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, Problem> Errors) : CommentOutcome;

    public sealed record Closed : CommentOutcome;

    public sealed record NotFound : CommentOutcome;
}

/// <summary>Takes a reader's comment: checked, kept as plain text, held for moderation unless the site publishes at once.</summary>
public sealed class PostComment(BayanDb db, TimeProvider clock, IContentChanges changes)
{
    public async Task<CommentOutcome> RunAsync(CommentForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var version = await db.ReleaseVersions.VisibleAt(now).Include(v => v.Release)
            .FirstOrDefaultAsync(v => v.ReleaseId == form.ReleaseId && v.Language == form.Language, ct);
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(ct);
        if (version is null || site is null)
            return new CommentOutcome.NotFound();
        if (!IsOpen(version.Release, site.CommentsOpenDays, now))
            return new CommentOutcome.Closed();
        // A robot filled the field people cannot see: it is told all went well, and nothing is kept.
        if (!string.IsNullOrEmpty(form.Website))
            return new CommentOutcome.Posted(Held: true);

        var errors = new Dictionary<string, Problem>();
        var name = form.Name?.Trim() ?? "";
        var email = form.Email?.Trim() ?? "";
        var text = form.Text?.Trim() ?? "";
        if (name.Length == 0)
            errors["name"] = new Problem("comment_name_required");
        else if (name.Length > Limits.CommentName)
            errors["name"] = new Problem("edit_too_long", Limits.CommentName);
        if (email.Length == 0 || email.Length > Limits.Email || !MailAddress.TryCreate(email, out _))
            errors["email"] = new Problem("comment_email_required");
        if (text.Length == 0)
            errors["text"] = new Problem("comment_text_required");
        else if (text.Length > Limits.CommentText)
            errors["text"] = new Problem("edit_too_long", Limits.CommentText);
        foreach (var (field, value) in new[] { ("name", name), ("text", text) })
        {
            if (CommentText.ContainsMarkup(value))
                errors[field] = new Problem("comment_no_html");
        }
        if (form.ParentId is { } parentId && !await db.Comments.AnyAsync(c =>
                c.Id == parentId && c.ReleaseVersionId == version.Id && c.ParentId == null && c.Status == CommentStatus.Approved, ct))
            errors["parent"] = new Problem("comment_parent_unknown");
        if (errors.Count > 0)
            return new CommentOutcome.Invalid(errors);

        var held = !site.PublishCommentsAtOnce;
        db.Comments.Add(new Comment
        {
            ReleaseVersionId = version.Id,
            ParentId = form.ParentId,
            Name = name,
            Email = email,
            Text = text,
            Status = held ? CommentStatus.Pending : CommentStatus.Approved,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        if (!held)
            await changes.SavedAsync(new ContentChange.Comments([version.ReleaseId]));
        return new CommentOutcome.Posted(held);
    }

    /// <summary>Open unless the editors closed it or the site's number of days since publication has passed.</summary>
    public static bool IsOpen(Release release, int openDays, DateTime now) =>
        !release.CommentsClosed && (openDays <= 0 || release.PublishAt is not { } at || now < at.AddDays(openDays));
}
