using System.CommandLine;
using Bayan.Accounts;
using Bayan.Localization;
using Bayan.Operations;
using Bayan.Sites;
using Bayan.Tokens;
using Bayan.Web.Hosting;

namespace Bayan.Web.Cli;

/// <summary>
/// `bayan token create --user amina@example.org --name newsletter --scope read --scope write --expires 90d`
/// prints the new token (only it, on standard output, so a script can take it); `bayan token list --user ...`
/// and `bayan token revoke --user ... --name newsletter` (or `--id 7`). The command line acts for the
/// installation, as an administrator would.
/// </summary>
internal static class TokenCommand
{
    public static Command Create(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var command = new Command("token", "Create, list and revoke personal access tokens for the API.");
        command.Subcommands.Add(CreateCommand(settings, guarded));
        command.Subcommands.Add(ListCommand(settings, guarded));
        command.Subcommands.Add(RevokeCommand(settings, guarded));
        return command;
    }

    private static Option<string> User() => new("--user") { Description = "The account's e-mail address.", Required = true };

    private static Command CreateCommand(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var user = User();
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. newsletter.", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = "read, write, publish, moderate or admin; repeatable.", Required = true };
        var expires = new Option<string?>("--expires") { Description = "A day (2027-01-31: the token works through it on the site's clock) or a number of days (90d). Default: never." };
        var command = new Command("create", "Create a token and print it; it is shown only this once.") { user, name, scopes, expires };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var (output, error) = Writers(parse);
            var wanted = new List<TokenScope>();
            foreach (var scope in parse.GetValue(scopes) ?? [])
            {
                if (TokenScopes.Parse(scope) is not { } known)
                    return await FailAsync(error, new Problem("tokens_scope_unknown", scope));
                wanted.Add(known);
            }
            return await WithServicesAsync(settings(parse), parse.GetValue(user)!, error, ct, async (services, account) =>
            {
                DateTime? until = null;
                if (parse.GetValue(expires) is { } text)
                {
                    var zone = (await services.GetRequiredService<SiteQueries>().ClockAsync(Messages.Fallback, ct)).Zone;
                    until = TokenExpiry.Parse(text, zone, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                    if (until is null)
                        return await FailAsync(error, new Problem("tokens_expiry_invalid"));
                }
                var (token, outcome) = await services.GetRequiredService<CreateToken>()
                    .RunAsync(Installation(), account.Id, new TokenRequest(parse.GetValue(name)!, wanted, until), ct);
                if (token is null)
                    return await FailAsync(error, outcome);
                await error.WriteLineAsync($"Token {token.Name} ({TokenScopes.Join(token.Scopes)}) for {account.Email}, " +
                    $"expires {(token.ExpiresAt is { } at ? Day(at) : "never")}. It is shown only now:");
                await output.WriteLineAsync(token.Secret);
                return 0;
            });
        }));
        return command;
    }

    private static Command ListCommand(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var user = User();
        var command = new Command("list", "List an account's tokens (never their secrets).") { user };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var (output, error) = Writers(parse);
            return await WithServicesAsync(settings(parse), parse.GetValue(user)!, error, ct, async (services, account) =>
            {
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                var tokens = await services.GetRequiredService<TokenQueries>().ForUserAsync(Installation(), account.Id, ct) ?? [];
                if (tokens.Count == 0)
                    await error.WriteLineAsync($"{account.Email} has no tokens.");
                foreach (var t in tokens)
                {
                    var state = t.RevokedAt is not null ? "revoked" : t.IsLive(now) ? "active" : "expired";
                    await output.WriteLineAsync(string.Join('\t',
                        t.Id, t.Name, t.Hint + "…", TokenScopes.Join(t.Scopes), state,
                        $"created {Day(t.CreatedAt)}", $"expires {(t.ExpiresAt is { } e ? Day(e) : "never")}",
                        $"last used {(t.LastUsedAt is { } u ? Day(u) : "never")}"));
                }
                return 0;
            });
        }));
        return command;
    }

    private static Command RevokeCommand(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var user = User();
        var name = new Option<string?>("--name") { Description = "The token's name." };
        var id = new Option<int?>("--id") { Description = "The token's number, as `bayan token list` shows it." };
        var command = new Command("revoke", "Revoke a token: it stops working at once.") { user, name, id };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var (output, error) = Writers(parse);
            if (parse.GetValue(name) is null == parse.GetValue(id) is null)
            {
                await error.WriteLineAsync("bayan: name the token with --name or --id (one of them).");
                return 2;
            }
            return await WithServicesAsync(settings(parse), parse.GetValue(user)!, error, ct, async (services, account) =>
            {
                var tokens = await services.GetRequiredService<TokenQueries>().ForUserAsync(Installation(), account.Id, ct) ?? [];
                var token = parse.GetValue(id) is { } number
                    ? tokens.FirstOrDefault(t => t.Id == number)
                    : tokens.FirstOrDefault(t => t.Name == parse.GetValue(name)?.Trim() && t.RevokedAt is null) ?? tokens.FirstOrDefault(t => t.Name == parse.GetValue(name)?.Trim());
                if (token is null)
                {
                    await error.WriteLineAsync($"bayan: {account.Email} has no such token; see bayan token list --user {account.Email}.");
                    return 1;
                }
                var outcome = await services.GetRequiredService<RevokeToken>().RunAsync(Installation(), token.Id, ct);
                if (outcome is not Outcome.Done done)
                    return await FailAsync(error, outcome);
                await output.WriteLineAsync(done.Message.In(Messages.Fallback));
                return 0;
            });
        }));
        return command;
    }

    /// <summary>Builds the application on the configured database and finds the account, or says it does not exist.</summary>
    private static async Task<int> WithServicesAsync(
        BayanArgs args, string email, TextWriter error, CancellationToken ct, Func<IServiceProvider, User, Task<int>> work)
    {
        await using var app = BayanWebApp.Build(args);
        await BayanWebApp.PrepareAsync(app, ct);
        using var scope = app.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserQueries>().ByEmailAsync(email, ct);
        if (account is null)
        {
            await error.WriteLineAsync($"bayan: no account has the address {email}.");
            return 1;
        }
        return await work(scope.ServiceProvider, account);
    }

    private static Actor Installation() => Actor.System($"cli:{Environment.UserName}");

    private static (TextWriter Output, TextWriter Error) Writers(ParseResult parse) =>
        (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);

    private static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<int> FailAsync(TextWriter error, Problem problem) =>
        FailAsync(error, new Outcome.Invalid(new Dictionary<string, Problem> { [""] = problem }));

    private static async Task<int> FailAsync(TextWriter error, Outcome outcome)
    {
        IEnumerable<string> messages = outcome switch
        {
            Outcome.Invalid invalid => invalid.Errors.Values.Select(p => p.In(Messages.Fallback)),
            Outcome.NotFound => ["no such token or account."],
            _ => ["not allowed."],
        };
        foreach (var message in messages)
            await error.WriteLineAsync($"bayan: {message}");
        return 1;
    }
}
