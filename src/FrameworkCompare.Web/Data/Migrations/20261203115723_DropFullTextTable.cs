using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrameworkCompare.Web.Data.Migrations
{
    /// <summary>
    /// Search and its snippets are served from memory, so the FTS5 table Initial created by raw SQL (unknown to the
    /// model, hence an empty generated migration) is dropped; dropping an FTS5 table drops its shadow tables too.
    /// It only ever held a copy of the imported content, so nothing durable goes with it.
    /// </summary>
    public partial class DropFullTextTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchIndex";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Refilled from the content tables as the previous version's importer wrote it, since that version
            // re-imports only changed files and reads its snippets from here.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
                    "Kind" UNINDEXED, "Slug" UNINDEXED, "Path" UNINDEXED, "Title", "Body", tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO "SearchIndex" ("Kind", "Slug", "Path", "Title", "Body")
                    SELECT 'framework', "Slug", "SourcePath", "Name", "Summary" || char(10) || "OverviewText" FROM "Frameworks";
                INSERT INTO "SearchIndex" ("Kind", "Slug", "Path", "Title", "Body")
                    SELECT 'article', "Slug", "SourcePath", "Title", "Summary" || char(10) || "Text" FROM "Articles";
                INSERT INTO "SearchIndex" ("Kind", "Slug", "Path", "Title", "Body")
                    SELECT 'faq', "Slug", "SourcePath", "Question", "AnswerText" FROM "FaqEntries";
                """);
        }
    }
}
