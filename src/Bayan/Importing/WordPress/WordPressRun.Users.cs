using Bayan.Accounts;
using Bayan.Localization;
using Bayan.Operations;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Importing.WordPress;

internal sealed partial class WordPressRun
{
    /// <summary>
    /// With --users: each author becomes an account with no role and no password, so it can do nothing until an
    /// administrator gives it roles and its owner sets a password through the link the back office makes.
    /// An address Bayan already has is that account.
    /// </summary>
    public async Task UsersAsync(CancellationToken ct)
    {
        var language = Messages.Translated.Contains(termLanguage) ? termLanguage : Messages.Fallback;
        foreach (var author in scan.Authors.Values)
        {
            var email = author.Email.Trim();
            if (Made(ImportKinds.User, author.Login) is { TargetId: not null })
            {
                report.Of(ImportKinds.User).Unchanged++;
                continue;
            }
            if (options.DryRun)
            {
                report.Of(ImportKinds.User).Imported++;
                continue;
            }
            if (await db.Users.Where(u => u.Email == email).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct) is { } existing)
            {
                report.Of(ImportKinds.User).Unchanged++;
                await RememberAsync(ImportKinds.User, author.Login, existing.ToString(), null, null, null, ct);
                continue;
            }
            var name = WordPressContent.PlainText(author.DisplayName) is { Length: > 0 } display ? display : author.Login;
            var (_, outcome) = await operations.CreateUser.RunAsync(Importer, email, new UserForm(name, language, false, false, [], []), ct);
            if (outcome is not Outcome.Done created)
            {
                report.Skip(ImportKinds.User, author.Login, ProblemOf(outcome));
                continue;
            }
            report.Of(ImportKinds.User).Imported++;
            await RememberAsync(ImportKinds.User, author.Login, created.ReleaseId.ToString(), null, null, null, ct);
        }
    }
}
