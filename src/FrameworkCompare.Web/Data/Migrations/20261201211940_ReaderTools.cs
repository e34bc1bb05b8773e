using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrameworkCompare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReaderTools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Authors",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Bio = table.Column<string>(type: "TEXT", nullable: false),
                    Links = table.Column<string>(type: "TEXT", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    SourcePath = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authors", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "FactChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    FrameworkSlug = table.Column<string>(type: "TEXT", nullable: false),
                    AttributeKey = table.Column<string>(type: "TEXT", nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", nullable: true),
                    OldUnknownReason = table.Column<string>(type: "TEXT", nullable: true),
                    OldSourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    OldChecked = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", nullable: true),
                    NewUnknownReason = table.Column<string>(type: "TEXT", nullable: true),
                    NewSourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    NewChecked = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FactChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FactChanges_ChangedAt",
                table: "FactChanges",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FactChanges_FrameworkSlug_AttributeKey",
                table: "FactChanges",
                columns: new[] { "FrameworkSlug", "AttributeKey" });

            migrationBuilder.CreateIndex(
                name: "IX_FactChanges_Path",
                table: "FactChanges",
                column: "Path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Authors");

            migrationBuilder.DropTable(
                name: "FactChanges");
        }
    }
}
