using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bayan.Data.Migrations.Postgres
{
    /// <summary>
    /// The full-text index, outside the model: one row per published language version with its
    /// fields normalised by Bayan.Search.SearchText, and a tsvector of them under the 'simple'
    /// configuration (no stemming, as on SQLite) in a GIN index. DatabaseStartup fills it from the
    /// releases right after this migration runs.
    /// </summary>
    public partial class AddSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE search_index (
                    version_id integer PRIMARY KEY REFERENCES "ReleaseVersions" ("Id") ON DELETE CASCADE,
                    release_id integer NOT NULL,
                    language varchar(16) NOT NULL,
                    title text NOT NULL,
                    number text NOT NULL,
                    summary text NOT NULL,
                    office text NOT NULL,
                    body text NOT NULL,
                    document tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple', title), 'A') ||
                        setweight(to_tsvector('simple', number), 'A') ||
                        setweight(to_tsvector('simple', summary), 'B') ||
                        setweight(to_tsvector('simple', office), 'C') ||
                        setweight(to_tsvector('simple', body), 'D')
                    ) STORED
                );
                CREATE INDEX ix_search_index_document ON search_index USING gin (document);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE search_index;");
        }
    }
}
