using System.Text.Json;
using System.Text.Json.Serialization;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;
using FrameworkCompare.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.ReadModel;

/// <summary>
/// A version that names the files it changed is applied from the previous snapshot plus those files, and gives the
/// snapshot and search index a full load gives; a version that cannot be trusted to name its changes is loaded whole.
/// </summary>
public sealed class IncrementalSnapshotTests : IDisposable
{
    readonly SiteFactory site = new(ManyArticles());

    public void Dispose() => site.Dispose();

    static TestContent ManyArticles()
    {
        var content = new TestContent();
        for (var i = 1; i <= 30; i++) content.Write($"articles/note-{i:00}.md", Article($"note-{i:00}", $"Note {i}", $"word{i} shared routing", published: $"2025-0{1 + i % 9}-01"));
        return content;
    }

    static string Article(string slug, string title, string body, string published = "2025-02-01") => $"""
        ---
        title: {title}
        slug: {slug}
        summary: About {title}
        author: Test Author
        published: {published}
        frameworks: [django]
        tags: [python]
        ---
        {body}
        """;

    SiteSnapshot Current => site.Services.GetRequiredService<CurrentSnapshot>().Value;

    async Task<SiteSnapshot> FullLoadAsync()
    {
        using var scope = site.Services.CreateScope();
        var never = new TaskCompletionSource<SearchSnapshot>().Task;
        var load = await SnapshotLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<SiteDb>(), null, _ => never, Current.StaleAfterMonths, TimeProvider.System, default);
        return load.Snapshot;
    }

    async Task<SearchSnapshot> FullSearchAsync(SiteSnapshot snapshot)
    {
        using var scope = site.Services.CreateScope();
        return await SearchSnapshotBuilder.BuildAsync(scope.ServiceProvider.GetRequiredService<SiteDb>(), snapshot, null,
            site.Services.GetRequiredService<SearchVocabulary>(), default);
    }

    static readonly JsonSerializerOptions Json = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles, WriteIndented = true };

    /// <summary>What pages read from a snapshot, as text, so two snapshots compare field by field.</summary>
    static string Contents(SiteSnapshot s) => JsonSerializer.Serialize(new
    {
        s.Version, TagVersions = s.TagVersions.OrderBy(t => t.Key).ToList(), s.Catalog, s.Frameworks, s.Summaries, s.Faq,
        FaqBySlug = s.FaqBySlug.Keys.Order().ToList(), s.ArticleHeaders, ArticleBySlug = s.ArticleBySlug.Keys.Order().ToList(),
        s.Authors, s.Scoring, Marks = s.Marks.Changes.Select(c => $"{c.Key}: {string.Join(", ", c.Value)}").Order().ToList(),
        Retired = s.Retired.Select(r => $"{r.Key}: {JsonSerializer.Serialize(r.Value, Json)}").Order().ToList(), s.StaleAfterMonths, s.DateSteps,
    }, Json);

    /// <summary>Every document, its snippet text, and each term's postings with their weights.</summary>
    static string Contents(SearchSnapshot s)
    {
        var text = new System.Text.StringBuilder();
        for (var d = 0; d < s.Documents.Count; d++) text.Append($"{d} {s.Documents[d].Kind} {s.Documents[d].Slug} {s.Documents[d].Title}: {s.Texts[d]}\n");
        foreach (var (term, id) in s.Index.Ids.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.Append($"{term} {s.Index.Idf[id]}:");
            for (var p = s.Index.Offsets[id]; p < s.Index.Offsets[id + 1]; p++) text.Append($" {s.Index.Docs[p]}={s.Index.Weights[p]}");
            text.Append('\n');
        }
        text.Append(string.Join(' ', s.Index.Sorted));
        return text.ToString();
    }

    static readonly string[] Queries = ["routing", "word7", "shared routing", "rout", "note", "django", "orm", "brandnew", "wrod12", "python"];

    static string Results(SearchSnapshot s) => string.Join('\n', Queries.Select(q =>
        q + ": " + string.Join(", ", s.Rank(s.Plan(q, false), 12).Ranked.Select(r => s.Documents[r.Doc].Slug + (r.All ? "" : "?")))));

    [Fact]
    public async Task APublishIsAppliedFromThePreviousSnapshotAndEqualsAFullLoad()
    {
        await Current.Search;
        site.Content.Write("articles/note-05.md", Article("note-05", "Note five, renamed", "brandnew words here", published: "2026-01-01"));
        site.Content.Write("articles/note-31.md", Article("note-31", "Note 31", "another brandnew article"));
        site.Content.Delete("articles/note-07.md");
        await site.ImportAsync();

        var applied = Current;
        Assert.True(applied.Incremental);
        Assert.Equal(Contents(await FullLoadAsync()), Contents(applied));
        Assert.Equal("note-05", applied.ArticleHeaders[0].Slug);
        Assert.DoesNotContain(applied.ArticleHeaders, a => a.Slug == "note-07");
    }

    [Fact]
    public async Task TheSearchIndexRebuiltFromMemoryEqualsAFullBuild()
    {
        var before = await Current.Search;
        site.Content.Write("articles/note-05.md", Article("note-05", "Note five", "brandnew words about routing"));
        site.Content.Write("articles/note-31.md", Article("note-31", "Note 31", "another brandnew article"));
        site.Content.Delete("articles/note-07.md");
        await site.ImportAsync();

        var applied = Current;
        var search = await applied.Search;
        Assert.NotSame(before, search);
        // Only the two new bodies were read; the other 29 articles kept their postings and packed texts.
        Assert.Equal(2, search.ArticlesRead);
        var full = await FullSearchAsync(applied);
        Assert.Equal(31, full.ArticlesRead);
        Assert.Equal(Contents(full), Contents(search));
        Assert.Equal(Results(full), Results(search));
        Assert.Contains("note-05", Results(search).Split('\n').Single(l => l.StartsWith("brandnew:")));
    }

    [Fact]
    public async Task AFrameworkRenamedReindexesEveryArticle()
    {
        await Current.Search;
        site.Content.Write("frameworks/django.md", TestContent.Framework("django", "Djangoo", orm: "yes", stars: "86000"));
        await site.ImportAsync();
        var search = await Current.Search;
        Assert.Equal(Current.ArticleHeaders.Count, search.ArticlesRead);
        Assert.Equal(Contents(await FullSearchAsync(Current)), Contents(search));
    }

    async Task AppendRowAsync(long? id, string[] tags, string[] documents)
    {
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
            var row = ChangeLog.Append(db, ReadModelVersion.Reasons.Import, tags, documents, DateTimeOffset.UtcNow);
            if (id is { } given) row.Id = given;
            await db.SaveChangesAsync();
        }
        await site.Services.GetRequiredService<ChangeListener>().ApplyNewestAsync(default);
    }

    long NewestRow => site.Query(db => db.ReadModelVersions.Max(v => v.Id));

    [Fact]
    public async Task ASkippedVersionRowMakesAFullLoad()
    {
        await AppendRowAsync(null, [ContentTags.Articles], ["articles/note-01.md"]);
        Assert.True(Current.Incremental);
        // Row NewestRow + 1 is missing: it may have changed anything.
        site.Query(db => db.Articles.Where(a => a.Slug == "note-02").ExecuteUpdate(s => s.SetProperty(a => a.Title, "Changed by the skipped row")));
        await AppendRowAsync(NewestRow + 2, [ContentTags.Articles], ["articles/note-01.md"]);
        Assert.False(Current.Incremental);
        Assert.Equal("Changed by the skipped row", Current.ArticleBySlug["note-02"].Title);
        Assert.Equal(Contents(await FullLoadAsync()), Contents(Current));
    }

    [Fact]
    public async Task ARowThatChangedArticlesWithoutNamingThemMakesAFullLoad()
    {
        site.Query(db => db.Articles.Where(a => a.Slug == "note-02").ExecuteUpdate(s => s.SetProperty(a => a.Title, "Changed, no file named")));
        await AppendRowAsync(null, [ContentTags.Articles], []);
        Assert.False(Current.Incremental);
        Assert.Equal("Changed, no file named", Current.ArticleBySlug["note-02"].Title);
    }

    [Fact]
    public async Task ARowThatChangedOnlyFrameworksKeepsTheArticleHeaders()
    {
        var before = Current;
        await AppendRowAsync(null, [ContentTags.Frameworks], []);
        Assert.True(Current.Incremental);
        Assert.Same(before.ArticleBySlug["note-03"], Current.ArticleBySlug["note-03"]);
        Assert.Equal(Contents(await FullLoadAsync()), Contents(Current));
    }
}
