using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bayan.Data.Migrations.Postgres
{
    /// <summary>
    /// Arabic words are indexed without their article (SearchText.Stems), and beside them the heading's
    /// words as written (forms, in the stored tsvector heading_forms), which rank the forms a reader typed
    /// first. The index is emptied; DatabaseStartup fills it from the releases right after this migration runs.
    /// </summary>
    public partial class SearchArabicProclitics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM search_index;
                ALTER TABLE search_index ADD COLUMN forms text NOT NULL;
                ALTER TABLE search_index ADD COLUMN heading_forms tsvector GENERATED ALWAYS AS (to_tsvector('simple', forms)) STORED;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE search_index DROP COLUMN heading_forms, DROP COLUMN forms;");
        }
    }
}
