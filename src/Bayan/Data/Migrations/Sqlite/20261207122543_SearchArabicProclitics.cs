using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bayan.Data.Migrations.Sqlite
{
    /// <summary>
    /// Arabic words are indexed without their article (SearchText.Stems), and beside them a column of the
    /// heading's words as written, which ranks the forms a reader typed first. The table is made anew;
    /// DatabaseStartup fills it from the releases right after this migration runs.
    /// </summary>
    public partial class SearchArabicProclitics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE search_index;
                CREATE VIRTUAL TABLE search_index USING fts5(
                    title, number, summary, office, body, forms, filters,
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
                    content = '', contentless_delete = 1,
                    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
                );
                """);
        }
    }
}
