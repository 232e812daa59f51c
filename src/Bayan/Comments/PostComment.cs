using Bayan.Changes;
using Bayan.Operations;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Bayan.Data;
using Bayan.Releases;
using Bayan.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Comments;

/// <summary>
/// A comment as the reader's form sends it. <see cref="Website"/> is the honeypot: people leave it empty.
/// <see cref="Parent"/> is the field as sent, a number or not. <see cref="SendingToken"/> is the form's
/// antiforgery token, which tells a sending again apart from a new comment. <see cref="Cut"/> says the
/// sending was larger than any comment may be and only its start was read.
/// </summary>
public sealed record CommentForm(
    int ReleaseId, string Language, string? Name, string? Email, string? Text, string? Parent, string? Website,
    string? SendingToken = null, bool Cut = false);

public abstract record CommentOutcome
{
    /// <summary>Kept; <see cref="Held"/> when it waits for a moderator.</summary>
    public sealed record Posted(bool Held) : CommentOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, Problem> Errors) : CommentOutcome;

    public sealed record Closed : CommentOutcome;

    public sealed record NotFound : CommentOutcome;
}

/// <summary>
/// Takes a reader's comment: checked, kept as plain text, held for moderation unless the site publishes at
/// once. Its `comment.created` webhook event is written in the same transaction, once it has its id.
/// </summary>
public sealed class PostComment(BayanDb db, TimeProvider clock, IContentChanges changes, WebhookEvents webhooks)
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

        var name = form.Name?.Trim() ?? "";
        var email = form.Email?.Trim() ?? "";
        var text = form.Text?.Trim() ?? "";
        var errors = Check(name, email, text, emailRequired: true);
        if (form.Cut && errors.GetValueOrDefault("text")?.Key is not ("comment_control_characters" or "comment_no_html"))
            errors["text"] = new Problem("comment_too_large", Limits.CommentText);
        var parent = form.Parent?.Trim() ?? "";
        int? parentId = int.TryParse(parent, out var number) ? number : null;
        if (parent.Length > 0 && (parentId is null || !await db.Comments.AnyAsync(c =>
                c.Id == parentId && c.ReleaseVersionId == version.Id && c.ParentId == null && c.Status == CommentStatus.Approved, ct)))
            errors["parent"] = new Problem("comment_parent_unknown");
        if (errors.Count > 0)
            return new CommentOutcome.Invalid(errors);

        var key = SendingKey(form, name, email, text, parentId);
        if (await SentBeforeAsync(key, ct) is { } earlier)
            return earlier;
        var held = !site.PublishCommentsAtOnce;
        var comment = new Comment
        {
            ReleaseVersionId = version.Id,
            ParentId = parentId,
            Name = name,
            Email = email,
            Text = text,
            Status = held ? CommentStatus.Pending : CommentStatus.Approved,
            CreatedAt = now,
            SendingKey = key,
        };
        db.Comments.Add(comment);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // Two copies of one sending arrived together: the other one was kept. (The failed insert
            // was undone to its savepoint, so the transaction can still read.)
            db.ChangeTracker.Clear();
            return await SentBeforeAsync(key, ct) ?? throw new InvalidOperationException("A comment could not be saved, and no earlier copy of it exists.");
        }
        await webhooks.CommentAsync(WebhookEventTypes.CommentCreated, comment, ct);
        // Published at once, it is approved too: receivers that show approved comments hear of it as of a moderator's approval.
        if (!held)
            await webhooks.CommentAsync(WebhookEventTypes.CommentApproved, comment, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (!held)
            await changes.SavedAsync(new ContentChange.Comments([version.ReleaseId]));
        return new CommentOutcome.Posted(held);
    }

    /// <summary>
    /// The rules every comment meets, the reader's and an imported one alike (trimmed fields): a name, a
    /// valid e-mail address (which an imported comment may lack), plain text within its limits.
    /// </summary>
    public static Dictionary<string, Problem> Check(string name, string email, string text, bool emailRequired)
    {
        var errors = new Dictionary<string, Problem>();
        if (name.Length == 0)
            errors["name"] = new Problem("comment_name_required");
        else if (name.Length > Limits.CommentName)
            errors["name"] = new Problem("edit_too_long", Limits.CommentName);
        if ((emailRequired || email.Length > 0) && (email.Length == 0 || email.Length > Limits.Email || !MailAddress.TryCreate(email, out _)))
            errors["email"] = new Problem("comment_email_required");
        if (text.Length == 0)
            errors["text"] = new Problem("comment_text_required");
        else if (text.Length > Limits.CommentText)
            errors["text"] = new Problem("edit_too_long", Limits.CommentText);
        foreach (var (field, value) in new[] { ("name", name), ("email", email), ("text", text) })
        {
            if (CommentText.HasControlCharacters(value))
                errors[field] = new Problem("comment_control_characters");
            else if (field != "email" && CommentText.ContainsMarkup(value))
                errors[field] = new Problem("comment_no_html");
        }
        return errors;
    }

    /// <summary>The same token with the same words is the same sending; a new comment from the same page is not.</summary>
    private static string? SendingKey(CommentForm form, string name, string email, string text, int? parentId)
    {
        if (string.IsNullOrEmpty(form.SendingToken))
            return null;
        var sending = string.Join("\n", form.SendingToken, form.ReleaseId, form.Language, parentId, name, email, text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sending)));
    }

    private async Task<CommentOutcome.Posted?> SentBeforeAsync(string? key, CancellationToken ct)
    {
        if (key is null)
            return null;
        var status = await db.Comments.Where(c => c.SendingKey == key).Select(c => (CommentStatus?)c.Status).FirstOrDefaultAsync(ct);
        return status is null ? null : new CommentOutcome.Posted(Held: status == CommentStatus.Pending);
    }

    /// <summary>Open unless the editors closed it or the site's number of days since publication has passed.</summary>
    public static bool IsOpen(Release release, int openDays, DateTime now) =>
        !release.CommentsClosed && (openDays <= 0 || release.PublishAt is not { } at || now < at.AddDays(openDays));
}
