using Bayan.Categories;
using Bayan.Comments;
using Bayan.Editing;
using Bayan.Media;
using Bayan.Pages;
using Bayan.Publishing;

namespace Bayan.Importing;

/// <summary>
/// The library's write operations an import goes through, the same the back office and the API use; releases, their
/// publication and comments by the batch (the same rules as one at a time, a few hundred to a save).
/// </summary>
public sealed record ImportOperations(
    CreateReleases CreateReleases,
    SaveVersion SaveVersion,
    UpdateReleaseDetails UpdateDetails,
    PublishReleases Publish,
    ReleaseWorkflow Workflow,
    ManageCategories Categories,
    ManagePages Pages,
    UploadMedia Upload,
    DescribeMedia Describe,
    SetReleaseMedia SetMedia,
    ImportComments Comments,
    ModerateComments Moderate,
    Accounts.CreateUser CreateUser)
{
    /// <summary>The operations with their search index and change announcements held by the batch while one is open.</summary>
    public static ImportOperations Of(ImportBatch batch) => new(
        batch.Operation<CreateReleases>(), batch.Operation<SaveVersion>(), batch.Operation<UpdateReleaseDetails>(),
        batch.Operation<PublishReleases>(), batch.Operation<ReleaseWorkflow>(), batch.Operation<ManageCategories>(),
        batch.Operation<ManagePages>(), batch.Operation<UploadMedia>(), batch.Operation<DescribeMedia>(),
        batch.Operation<SetReleaseMedia>(), batch.Operation<ImportComments>(), batch.Operation<ModerateComments>(),
        batch.Operation<Accounts.CreateUser>());
}
