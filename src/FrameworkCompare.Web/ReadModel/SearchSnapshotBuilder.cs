using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.ReadModel;

/// <summary>
/// Builds a read-model snapshot's search index: profiles, one document per fact, articles and FAQ answers. Everything
/// but the article bodies comes from the snapshot. Given the previous index, an article whose header is the very object
/// that index was built from (the snapshot loader keeps the headers of unchanged files) keeps its postings and packed
/// text, and only the changed articles' bodies are read from the database.
/// </summary>
public static class SearchSnapshotBuilder
{
    public static async Task<SearchSnapshot> BuildAsync(SiteDb db, SiteSnapshot site, SearchSnapshot? previous, SearchVocabulary vocabulary, CancellationToken ct)
    {
        var names = site.Frameworks.ToDictionary(f => f.Slug, f => f.Name);
        string Names(IEnumerable<string> slugs) => string.Join(' ', slugs.Select(s => names.GetValueOrDefault(s, s)));
        // Articles' keywords hold the names of their frameworks: a renamed framework changes them all.
        var basis = previous is { ArticlesFrom: not null } && previous.Texts.Count == previous.Documents.Count
            && previous.FrameworkNames.Count == names.Count && names.All(n => previous.FrameworkNames.GetValueOrDefault(n.Key) == n.Value) ? previous : null;
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        if (basis is not null)
            for (var d = 0; d < basis.Documents.Count; d++)
                if (basis.Documents[d] is { Kind: DocumentKinds.Article } doc && basis.ArticlesFrom!.TryGetValue(doc.Slug, out var header)
                    && site.ArticleBySlug.GetValueOrDefault(doc.Slug) == header)
                    kept[doc.Slug] = d;
        var builder = new IndexBuilder(vocabulary);
        var documents = new List<SearchDocument>();
        var texts = basis is null ? new PackedTexts.Builder() : new PackedTexts.Builder(basis.Texts);
        var frameworks = site.Frameworks;

        foreach (var f in frameworks)
        {
            var aliases = string.Join(' ', (vocabulary.Aliases.GetValueOrDefault(f.Slug) ?? []).Select(a => string.Join(' ', a)));
            builder.Add(f.Name, $"{f.Slug} {aliases} {f.Language} {f.Kind}", f.Summary,
                string.Join('\n', [f.OverviewText, .. f.ChooseWhen, .. f.Points.Select(p => p.Text)]));
            documents.Add(new SearchDocument(DocumentKinds.Framework, f.Slug, f.Name, [f.Slug]) { FrameworkName = f.Name });
            texts.Add($"{f.Summary}\n{f.OverviewText}");
        }
        var categories = site.Catalog.Categories.ToDictionary(c => c.Key, c => c.Label);
        foreach (var f in frameworks)
        {
            var values = f.Values.ToDictionary(v => v.AttributeKey);
            foreach (var a in site.Catalog.Attributes)
            {
                if (!values.TryGetValue(a.Key, out var value)) continue;
                builder.Add($"{a.Label} {a.Key.Replace('-', ' ')}", $"{f.Name} {f.Slug} {categories.GetValueOrDefault(a.CategoryKey)}", "",
                    $"{value.Value} {value.Note} {value.UnknownReason} {a.Description}");
                documents.Add(new SearchDocument(DocumentKinds.Fact, f.Slug, $"{f.Name}: {a.Label}", [f.Slug]) { Attribute = a, Fact = value, FrameworkName = f.Name });
                texts.Add(null);
            }
        }

        var articles = site.ArticleHeaders.OrderBy(a => a.Slug, StringComparer.Ordinal).ToList();
        var read = basis is null ? null : articles.Where(a => !kept.ContainsKey(a.Slug)).Select(a => a.Slug).ToList();
        // Thousands of articles: their bodies are streamed in slug order, so only their terms and packed text stay in memory.
        await using var bodies = Bodies(db, read).GetAsyncEnumerator(ct);
        var more = await bodies.MoveNextAsync();
        var bodiesRead = 0;
        foreach (var a in articles)
        {
            if (kept.TryGetValue(a.Slug, out var d))
            {
                builder.Keep(basis!.Index, d);
                documents.Add(basis.Documents[d]);
                texts.AddPacked(basis.Texts, d);
                continue;
            }
            while (more && string.CompareOrdinal(bodies.Current.Slug, a.Slug) < 0) more = await bodies.MoveNextAsync();
            // Gone from the database already: a newer version is on its way, and its index will have it right.
            var text = more && bodies.Current.Slug == a.Slug ? bodies.Current.Text : "";
            bodiesRead++;
            builder.Add(a.Title, $"{string.Join(' ', a.Tags)} {Names(a.Frameworks)}", a.Summary, text);
            documents.Add(new SearchDocument(DocumentKinds.Article, a.Slug, a.Title, a.Frameworks));
            texts.Add($"{a.Summary}\n{text}");
        }
        foreach (var q in site.Faq.OrderBy(q => q.Slug, StringComparer.Ordinal))
        {
            builder.Add(q.Question, $"{q.Topic} {Names(q.Frameworks)}", "", q.AnswerText);
            documents.Add(new SearchDocument(DocumentKinds.Faq, q.Slug, q.Question, q.Frameworks));
            texts.Add(q.AnswerText);
        }
        return new SearchSnapshot(builder.Build(), documents, vocabulary, site.Summaries, site.Catalog.Attributes, texts.Build())
        {
            ArticlesFrom = site.ArticleBySlug,
            ArticlesRead = bodiesRead,
        };
    }

    /// <summary>The bodies of the articles named (all when null), in slug order.</summary>
    static async IAsyncEnumerable<(string Slug, string Text)> Bodies(SiteDb db, IReadOnlyCollection<string>? slugs)
    {
        if (slugs is { Count: 0 }) yield break;
        var query = slugs is null ? db.Articles : db.Articles.Where(a => slugs.Contains(a.Slug));
        await foreach (var a in query.OrderBy(a => a.Slug).Select(a => new { a.Slug, a.Text }).AsAsyncEnumerable())
            yield return (a.Slug, a.Text);
    }
}
