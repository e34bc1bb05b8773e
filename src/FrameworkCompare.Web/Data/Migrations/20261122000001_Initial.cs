using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FrameworkCompare.Web.Data.Migrations;

// Hand-written: the EF design-time package is not available here. Content tables
// are a read model rebuilt from content/; ImportRuns is durable history.
[DbContext(typeof(SiteDb))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "Categories" ("Key" TEXT NOT NULL PRIMARY KEY, "Label" TEXT NOT NULL, "Order" INTEGER NOT NULL);
            CREATE TABLE "Attributes" (
                "Key" TEXT NOT NULL PRIMARY KEY, "Label" TEXT NOT NULL, "CategoryKey" TEXT NOT NULL, "Type" TEXT NOT NULL,
                "Unit" TEXT NULL, "Description" TEXT NOT NULL, "Order" INTEGER NOT NULL);
            CREATE TABLE "Frameworks" (
                "Slug" TEXT NOT NULL PRIMARY KEY, "Name" TEXT NOT NULL, "Language" TEXT NOT NULL, "Kind" TEXT NOT NULL,
                "Website" TEXT NOT NULL, "Repository" TEXT NOT NULL, "License" TEXT NOT NULL, "FirstRelease" INTEGER NOT NULL,
                "Summary" TEXT NOT NULL, "OverviewHtml" TEXT NOT NULL, "OverviewText" TEXT NOT NULL, "ChooseWhen" TEXT NOT NULL,
                "SourcePath" TEXT NOT NULL);
            CREATE TABLE "FactValues" (
                "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                "FrameworkSlug" TEXT NOT NULL REFERENCES "Frameworks" ("Slug") ON DELETE CASCADE,
                "AttributeKey" TEXT NOT NULL, "Value" TEXT NULL, "Note" TEXT NULL, "SourceUrl" TEXT NULL,
                "Checked" TEXT NULL, "UnknownReason" TEXT NULL);
            CREATE INDEX "IX_FactValues_FrameworkSlug" ON "FactValues" ("FrameworkSlug");
            CREATE TABLE "ProCons" (
                "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                "FrameworkSlug" TEXT NOT NULL REFERENCES "Frameworks" ("Slug") ON DELETE CASCADE,
                "IsPro" INTEGER NOT NULL, "Text" TEXT NOT NULL, "SourceUrl" TEXT NULL, "Order" INTEGER NOT NULL);
            CREATE INDEX "IX_ProCons_FrameworkSlug" ON "ProCons" ("FrameworkSlug");
            CREATE TABLE "Articles" (
                "Slug" TEXT NOT NULL PRIMARY KEY, "Title" TEXT NOT NULL, "Summary" TEXT NOT NULL, "Author" TEXT NOT NULL,
                "Published" TEXT NOT NULL, "Updated" TEXT NULL, "Frameworks" TEXT NOT NULL, "Tags" TEXT NOT NULL,
                "Html" TEXT NOT NULL, "Text" TEXT NOT NULL, "Toc" TEXT NOT NULL, "ReadingMinutes" INTEGER NOT NULL,
                "SourcePath" TEXT NOT NULL);
            CREATE TABLE "FaqEntries" (
                "Slug" TEXT NOT NULL PRIMARY KEY, "Question" TEXT NOT NULL, "Topic" TEXT NOT NULL, "Frameworks" TEXT NOT NULL,
                "AnswerHtml" TEXT NOT NULL, "AnswerText" TEXT NOT NULL, "SourcePath" TEXT NOT NULL);
            CREATE TABLE "ContentFiles" (
                "Path" TEXT NOT NULL PRIMARY KEY, "Kind" TEXT NOT NULL, "Hash" TEXT NOT NULL, "Slug" TEXT NULL,
                "ServedHash" TEXT NULL, "Problems" TEXT NOT NULL, "SeenAt" TEXT NOT NULL);
            CREATE TABLE "ImportRuns" (
                "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "StartedAt" TEXT NOT NULL, "DurationMs" INTEGER NOT NULL,
                "FilesImported" INTEGER NOT NULL, "FilesFailed" INTEGER NOT NULL, "FilesRemoved" INTEGER NOT NULL);
            CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
                "Kind" UNINDEXED, "Slug" UNINDEXED, "Path" UNINDEXED, "Title", "Body", tokenize = 'unicode61 remove_diacritics 2');
            """);
    }
}
