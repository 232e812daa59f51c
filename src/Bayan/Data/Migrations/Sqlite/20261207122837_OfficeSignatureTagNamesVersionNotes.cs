using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bayan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OfficeSignatureTagNamesVersionNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "ReleaseVersions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetractionNote",
                table: "ReleaseVersions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Offices",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SocialLinks",
                table: "Offices",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Telephone",
                table: "Offices",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "Offices",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "OfficeName",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FullName",
                table: "OfficeName",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TagNames",
                columns: table => new
                {
                    TagId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagNames", x => new { x.TagId, x.Language });
                    table.ForeignKey(
                        name: "FK_TagNames_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TagNames_Language_Slug",
                table: "TagNames",
                columns: new[] { "Language", "Slug" },
                unique: true);

            // Before the old columns go: each tag keeps its name in the language most of its releases
            // were written in (the site's default when it tags none), and a release's correction and
            // retraction notes move to its original version, which every other version falls back to.
            migrationBuilder.Sql("""
                INSERT INTO "TagNames" ("TagId", "Language", "Name", "Slug")
                SELECT t."Id",
                    COALESCE(
                        (SELECT r."OriginalLanguage" FROM "ReleaseTags" rt JOIN "Releases" r ON r."Id" = rt."ReleaseId"
                         WHERE rt."TagsId" = t."Id" GROUP BY r."OriginalLanguage" ORDER BY COUNT(*) DESC, r."OriginalLanguage" LIMIT 1),
                        (SELECT s."DefaultLanguage" FROM "Sites" s LIMIT 1),
                        'en'),
                    t."Name", t."Slug"
                FROM "Tags" t
                """);
            migrationBuilder.Sql("""
                UPDATE "ReleaseVersions" SET
                    "CorrectionNote" = (SELECT r."CorrectionNote" FROM "Releases" r WHERE r."Id" = "ReleaseVersions"."ReleaseId" AND r."OriginalLanguage" = "ReleaseVersions"."Language"),
                    "RetractionNote" = (SELECT r."RetractionNote" FROM "Releases" r WHERE r."Id" = "ReleaseVersions"."ReleaseId" AND r."OriginalLanguage" = "ReleaseVersions"."Language")
                """);

            migrationBuilder.DropIndex(
                name: "IX_Tags_Slug",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Slug",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "RetractionNote",
                table: "Releases");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "ReleaseVersions");

            migrationBuilder.DropColumn(
                name: "RetractionNote",
                table: "ReleaseVersions");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "SocialLinks",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Telephone",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Website",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "OfficeName");

            migrationBuilder.DropColumn(
                name: "FullName",
                table: "OfficeName");

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Tags",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Slug",
                table: "Tags",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "Releases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetractionNote",
                table: "Releases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            // Back to one name a tag (its first language's) and one note a release (its original's).
            migrationBuilder.Sql("""
                UPDATE "Tags" SET
                    "Name" = COALESCE((SELECT n."Name" FROM "TagNames" n WHERE n."TagId" = "Tags"."Id" ORDER BY n."Language" LIMIT 1), 'tag'),
                    "Slug" = COALESCE((SELECT n."Slug" FROM "TagNames" n WHERE n."TagId" = "Tags"."Id" ORDER BY n."Language" LIMIT 1), 'tag') || '-' || "Id"
                """);
            migrationBuilder.Sql("""
                UPDATE "Releases" SET
                    "CorrectionNote" = (SELECT v."CorrectionNote" FROM "ReleaseVersions" v WHERE v."ReleaseId" = "Releases"."Id" AND v."Language" = "Releases"."OriginalLanguage"),
                    "RetractionNote" = (SELECT v."RetractionNote" FROM "ReleaseVersions" v WHERE v."ReleaseId" = "Releases"."Id" AND v."Language" = "Releases"."OriginalLanguage")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Tags_Slug",
                table: "Tags",
                column: "Slug",
                unique: true);

            migrationBuilder.DropTable(
                name: "TagNames");
        }
    }
}
