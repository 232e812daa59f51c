using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bayan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "WebhookEndpoints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite drops a plain column in place (since 3.35); EF would refuse, or rebuild the table.
            migrationBuilder.Sql("""ALTER TABLE "WebhookEndpoints" DROP COLUMN "Revision";""");
        }
    }
}
