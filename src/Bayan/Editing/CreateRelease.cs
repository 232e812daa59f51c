using Bayan.Accounts;
using Bayan.Operations;
using Bayan.Releases;

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

/// <summary>Starts a release as a draft in its original language, with its first revision (<see cref="CreateReleases"/>, for one).</summary>
public sealed class CreateRelease(CreateReleases many)
{
    public async Task<Outcome> RunAsync(Actor actor, NewRelease input, CancellationToken ct) =>
        (await many.RunAsync([new ReleaseToCreate(actor, input)], ct))[0];
}
