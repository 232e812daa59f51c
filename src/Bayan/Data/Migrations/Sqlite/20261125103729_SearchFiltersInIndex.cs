using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bayan.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index made so a search never leaves it: the rowid is the minute of publication
    /// followed by the version's id, and a column of filter words (language, office, categories,
    /// release) replaces the unindexed language and release columns, which FTS5 could only scan.
    /// The table is made anew; DatabaseStartup fills it from the releases right after this migration runs.
    /// </summary>
    public partial class SearchFiltersInIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE search_index;
                CREATE VIRTUAL TABLE search_index USING fts5(
                    title, number, summary, office, body, filters,
                    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE search_index;
                CREATE VIRTUAL TABLE search_index USING fts5(
                    title, number, summary, office, body,
                    language UNINDEXED, release_id UNINDEXED,
                    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
                );
                """);
        }
    }
}
