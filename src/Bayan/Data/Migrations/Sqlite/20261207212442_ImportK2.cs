using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bayan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportK2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Metadata",
                table: "Releases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Metadata",
                table: "Releases");
        }
    }
}
