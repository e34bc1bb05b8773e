using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrameworkCompare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContentFileStat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChangedNs",
                table: "ContentFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Inode",
                table: "ContentFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ModifiedNs",
                table: "ContentFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScannedAtNs",
                table: "ContentFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Size",
                table: "ContentFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FactHistoryMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Commit = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FactHistoryMarks", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FactHistoryMarks");

            migrationBuilder.DropColumn(
                name: "ChangedNs",
                table: "ContentFiles");

            migrationBuilder.DropColumn(
                name: "Inode",
                table: "ContentFiles");

            migrationBuilder.DropColumn(
                name: "ModifiedNs",
                table: "ContentFiles");

            migrationBuilder.DropColumn(
                name: "ScannedAtNs",
                table: "ContentFiles");

            migrationBuilder.DropColumn(
                name: "Size",
                table: "ContentFiles");
        }
    }
}
