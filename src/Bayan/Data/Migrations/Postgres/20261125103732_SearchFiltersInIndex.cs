using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bayan.Data.Migrations.Postgres
{
    /// <summary>
    /// Beside each entry of the full-text index, what the filters of a search need (office, categories,
    /// publication time), and an index in newest-first order per language, so a common word is answered
    /// by walking that index and stopping at the newest matches. The entries are emptied;
    /// DatabaseStartup fills them from the releases right after this migration runs.
    /// </summary>
    public partial class SearchFiltersInIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM search_index;
                ALTER TABLE search_index
                    ADD COLUMN office_id integer NOT NULL,
                    ADD COLUMN category_ids integer[] NOT NULL,
                    ADD COLUMN publish_at timestamp with time zone NOT NULL;
                CREATE INDEX ix_search_index_newest ON search_index (language, publish_at DESC, version_id DESC);
                CREATE INDEX ix_search_index_release ON search_index (release_id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_search_index_release;
                DROP INDEX ix_search_index_newest;
                ALTER TABLE search_index DROP COLUMN office_id, DROP COLUMN category_ids, DROP COLUMN publish_at;
                """);
        }
    }
}
