using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bayan.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index: an FTS5 table outside the model (EF has no FTS5 tables), one row per
    /// published language version, rowid = the version's id. Its text is normalised by
    /// Bayan.Search.SearchText before it arrives; unicode61 only splits it into the same words.
    /// DatabaseStartup fills it from the releases right after this migration runs.
    /// </summary>
    public partial class AddSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE search_index USING fts5(
                    title, number, summary, office, body,
                    language UNINDEXED, release_id UNINDEXED,
                    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE search_index;");
        }
    }
}
