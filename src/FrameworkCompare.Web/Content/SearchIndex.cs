using FrameworkCompare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Content;

/// <summary>Keeps the FTS5 table in step with the imported content, inside the import's transaction.</summary>
public static class SearchIndex
{
    public const string Framework = "framework", Article = "article", Faq = "faq";

    public static async Task ReplaceAsync(SiteDb db, ImportPlan plan, CancellationToken ct)
    {
        foreach (var path in plan.ReplacedPaths)
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchIndex" WHERE "Path" = {path}""", ct);
        foreach (var f in plan.Frameworks)
            await InsertAsync(db, Framework, f.Slug, f.SourcePath, f.Name, $"{f.Summary}\n{f.OverviewText}", ct);
        foreach (var a in plan.Articles)
            await InsertAsync(db, Article, a.Slug, a.SourcePath, a.Title, $"{a.Summary}\n{a.Text}", ct);
        foreach (var q in plan.Faqs)
            await InsertAsync(db, Faq, q.Slug, q.SourcePath, q.Question, q.AnswerText, ct);
    }

    static Task<int> InsertAsync(SiteDb db, string kind, string slug, string path, string title, string body, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "SearchIndex" ("Kind", "Slug", "Path", "Title", "Body") VALUES ({kind}, {slug}, {path}, {title}, {body})""", ct);
}
