using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bayan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Redirects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OldPath",
                table: "ImportedItems",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Redirect",
                table: "ImportedItems",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                // Items imported before this version still lead to their pages.
                defaultValue: "Active");

            migrationBuilder.CreateTable(
                name: "Redirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    From = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FromKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    To = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Gone = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Redirects", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportedItems_Kind_SourceId",
                table: "ImportedItems",
                columns: new[] { "Kind", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportedItems_OldPath",
                table: "ImportedItems",
                column: "OldPath");

            migrationBuilder.CreateIndex(
                name: "IX_Redirects_FromKey",
                table: "Redirects",
                column: "FromKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Redirects");

            migrationBuilder.DropIndex(
                name: "IX_ImportedItems_Kind_SourceId",
                table: "ImportedItems");

            migrationBuilder.DropIndex(
                name: "IX_ImportedItems_OldPath",
                table: "ImportedItems");

            migrationBuilder.DropColumn(
                name: "OldPath",
                table: "ImportedItems");

            migrationBuilder.DropColumn(
                name: "Redirect",
                table: "ImportedItems");
        }
    }
}
