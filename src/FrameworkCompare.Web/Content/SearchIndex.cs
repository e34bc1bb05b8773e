using System.Text.Json;
using FrameworkCompare.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FrameworkCompare.Web.Content;

/// <summary>Keeps the FTS5 table in step with the imported content, inside the import's transaction.</summary>
public static class SearchIndex
{
    public const string Framework = "framework", Article = "article", Faq = "faq";

    /// <summary>Removes the documents of the replaced paths (all documents when null) and adds the plan's.</summary>
    public static async Task ReplaceAsync(SiteDb db, ImportPlan plan, IReadOnlyCollection<string>? replacedPaths, CancellationToken ct)
    {
        if (replacedPaths is null)
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"SearchIndex\";", ct);
        // Path is UNINDEXED, so each lookup scans the table: remove every replaced path in one pass, not one per path.
        else if (replacedPaths.Count > 0)
        {
            var replaced = JsonSerializer.Serialize(replacedPaths);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchIndex" WHERE "Path" IN (SELECT value FROM json_each({replaced}))""", ct);
        }

        await using var insert = db.Database.GetDbConnection().CreateCommand();
        insert.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        insert.CommandText = """INSERT INTO "SearchIndex" ("Kind", "Slug", "Path", "Title", "Body") VALUES (@kind, @slug, @path, @title, @body)""";
        var parameters = new[] { "@kind", "@slug", "@path", "@title", "@body" }.Select(name =>
        {
            var p = insert.CreateParameter();
            p.ParameterName = name;
            insert.Parameters.Add(p);
            return p;
        }).ToArray();
        async Task InsertAsync(string kind, string slug, string path, string title, string body)
        {
            (parameters[0].Value, parameters[1].Value, parameters[2].Value, parameters[3].Value, parameters[4].Value) = (kind, slug, path, title, body);
            await insert.ExecuteNonQueryAsync(ct);
        }
        foreach (var f in plan.Frameworks) await InsertAsync(Framework, f.Slug, f.SourcePath, f.Name, $"{f.Summary}\n{f.OverviewText}");
        foreach (var a in plan.Articles) await InsertAsync(Article, a.Slug, a.SourcePath, a.Title, $"{a.Summary}\n{a.Text}");
        foreach (var q in plan.Faqs) await InsertAsync(Faq, q.Slug, q.SourcePath, q.Question, q.AnswerText);
    }
}
