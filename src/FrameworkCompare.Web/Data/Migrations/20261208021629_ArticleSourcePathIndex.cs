using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrameworkCompare.Web.Data.Migrations
{
    /// <summary>
    /// A publish deletes and re-reads the article rows of the file it changed by their source path; without an index each
    /// was a scan of every article with its body (about 35 ms at 10,000 articles, twice per publish).
    /// </summary>
    public partial class ArticleSourcePathIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_SourcePath",
                table: "Articles",
                column: "SourcePath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_SourcePath",
                table: "Articles");
        }
    }
}
