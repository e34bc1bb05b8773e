using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrameworkCompare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FactsKeptTrue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Package",
                table: "Frameworks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StaleAfterMonths",
                table: "Attributes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReviewItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", nullable: false),
                    FrameworkSlug = table.Column<string>(type: "TEXT", nullable: true),
                    AttributeKey = table.Column<string>(type: "TEXT", nullable: true),
                    CurrentValue = table.Column<string>(type: "TEXT", nullable: true),
                    ProposedValue = table.Column<string>(type: "TEXT", nullable: true),
                    EvidenceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    ProposedChecked = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Message = table.Column<string>(type: "TEXT", nullable: true),
                    ReporterEmail = table.Column<string>(type: "TEXT", nullable: true),
                    Path = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    BaseHash = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourceChecks",
                columns: table => new
                {
                    Url = table.Column<string>(type: "TEXT", nullable: false),
                    Broken = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    RedirectedTo = table.Column<string>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceChecks", x => x.Url);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_State_Id",
                table: "ReviewItems",
                columns: new[] { "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewItems");

            migrationBuilder.DropTable(
                name: "SourceChecks");

            migrationBuilder.DropColumn(
                name: "Package",
                table: "Frameworks");

            migrationBuilder.DropColumn(
                name: "StaleAfterMonths",
                table: "Attributes");
        }
    }
}
