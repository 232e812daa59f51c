using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bayan.Data.Migrations.Postgres
{
    /// <summary>
    /// Beside the whole document, a small tsvector of what ranks a match (title and number A, summary B,
    /// office C): ranking the newest matches by the whole document read and unpacked every body, most of
    /// a search's time; this one is short enough to be stored in the row itself. Made by PostgreSQL from
    /// the columns already there, so nothing needs indexing again.
    /// </summary>
    public partial class SearchHeading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE search_index ADD COLUMN heading tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', number), 'A')
                    || setweight(to_tsvector('simple', summary), 'B') || setweight(to_tsvector('simple', office), 'C')) STORED;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE search_index DROP COLUMN heading;");
        }
    }
}
