using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bayan.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index with the language in every word (ar, a private-use character, the word) instead
    /// of a filter word: a search asks FTS5 for the words of one language alone, where intersecting them with
    /// a language word held by half the index cost as much again. Contentless (the index never gave its text
    /// back, and kept a second copy of every body), with deletes. The table is made anew; DatabaseStartup
    /// fills it from the releases right after this migration runs.
    /// </summary>
    public partial class SearchLanguageInWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE search_index;
                CREATE VIRTUAL TABLE search_index USING fts5(
                    title, number, summary, office, body, filters,
                    content = '', contentless_delete = 1,
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
                    title, number, summary, office, body, filters,
                    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
                );
                """);
        }
    }
}
