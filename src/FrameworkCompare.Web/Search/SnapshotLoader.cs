using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Search;

/// <summary>Reads the imported read model into a search snapshot: profiles, one document per fact, articles and FAQ answers.</summary>
public static class SnapshotLoader
{
    public static async Task<SearchSnapshot> LoadAsync(SiteDb db, SearchVocabulary vocabulary, CancellationToken ct)
    {
        var builder = new IndexBuilder(vocabulary);
        var documents = new List<SearchDocument>();
        var texts = new PackedTexts.Builder();
        var frameworks = await db.Frameworks.Include(f => f.Values).Include(f => f.Points).AsSplitQuery().OrderBy(f => f.Name).ToListAsync(ct);
        var attributes = await db.Attributes.OrderBy(a => a.Order).ToListAsync(ct);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Key, c => c.Label, ct);
        var names = frameworks.ToDictionary(f => f.Slug, f => f.Name);
        string Names(IEnumerable<string> slugs) => string.Join(' ', slugs.Select(s => names.GetValueOrDefault(s, s)));

        foreach (var f in frameworks)
        {
            var aliases = string.Join(' ', (vocabulary.Aliases.GetValueOrDefault(f.Slug) ?? []).Select(a => string.Join(' ', a)));
            builder.Add(f.Name, $"{f.Slug} {aliases} {f.Language} {f.Kind}", f.Summary,
                string.Join('\n', [f.OverviewText, .. f.ChooseWhen, .. f.Points.Select(p => p.Text)]));
            documents.Add(new SearchDocument(DocumentKinds.Framework, f.Slug, f.Name, [f.Slug]) { FrameworkName = f.Name });
            texts.Add($"{f.Summary}\n{f.OverviewText}");
        }
        foreach (var f in frameworks)
        {
            var peer = frameworks.Where(o => o.Slug != f.Slug).OrderBy(o => o.Language == f.Language ? 0 : 1).FirstOrDefault();
            var values = f.Values.ToDictionary(v => v.AttributeKey);
            foreach (var a in attributes)
            {
                if (!values.TryGetValue(a.Key, out var value)) continue;
                builder.Add($"{a.Label} {a.Key.Replace('-', ' ')}", $"{f.Name} {f.Slug} {categories.GetValueOrDefault(a.CategoryKey)}", "",
                    $"{value.Value} {value.Note} {value.UnknownReason} {a.Description}");
                documents.Add(new SearchDocument(DocumentKinds.Fact, f.Slug, $"{f.Name}: {a.Label}", [f.Slug]) { Attribute = a, Fact = value, FrameworkName = f.Name, Peer = peer?.Slug, PeerName = peer?.Name });
                texts.Add(null);
            }
        }
        // Thousands of articles: streamed, so only their terms and snippet text stay in memory.
        await foreach (var a in db.Articles.OrderBy(a => a.Slug).Select(a => new { a.Slug, a.Title, a.Summary, a.Tags, a.Frameworks, a.Text }).AsAsyncEnumerable().WithCancellation(ct))
        {
            builder.Add(a.Title, $"{string.Join(' ', a.Tags)} {Names(a.Frameworks)}", a.Summary, a.Text);
            documents.Add(new SearchDocument(DocumentKinds.Article, a.Slug, a.Title, a.Frameworks));
            texts.Add($"{a.Summary}\n{a.Text}");
        }
        await foreach (var q in db.FaqEntries.OrderBy(q => q.Slug).AsAsyncEnumerable().WithCancellation(ct))
        {
            builder.Add(q.Question, $"{q.Topic} {Names(q.Frameworks)}", "", q.AnswerText);
            documents.Add(new SearchDocument(DocumentKinds.Faq, q.Slug, q.Question, q.Frameworks));
            texts.Add(q.AnswerText);
        }
        var summaries = frameworks.Select(f => new FrameworkSummary(f.Slug, f.Name, f.Language, f.Kind, f.Summary)).ToList();
        return new SearchSnapshot(builder.Build(), documents, vocabulary, summaries, attributes, texts.Build());
    }
}
