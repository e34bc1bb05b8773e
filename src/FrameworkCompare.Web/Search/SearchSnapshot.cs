using System.Buffers;
using System.Numerics;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Search;

/// <summary>Everything search needs from one import of the content, in memory: postings, documents, framework and attribute names.</summary>
public sealed class SearchSnapshot
{
    public const int MaxTerms = 10, MaxCompletions = 24;
    // Facts are many short documents; unless the query names a framework they should not crowd out pages.
    const float FactFactor = 0.3f, SynonymFactor = 0.8f, CompletionFactor = 0.7f;
    static readonly HashSet<string> GenericLabelTerms = ["built", "in", "first", "party", "by", "default", "and", "of", "the", "or", "with"];

    public PostingIndex Index { get; }
    public IReadOnlyList<SearchDocument> Documents { get; }
    public SearchVocabulary Vocabulary { get; }
    public IReadOnlyDictionary<string, string> FrameworkNames { get; }
    public IReadOnlyDictionary<string, string> FrameworkLanguages { get; }
    public IReadOnlyList<AttributeDefinition> Attributes { get; }
    /// <summary>The text each document's snippets are cut from, by document number.</summary>
    public PackedTexts Texts { get; }
    /// <summary>The read model's article headers it was built from: a rebuild keeps the documents of those still served unchanged.</summary>
    public IReadOnlyDictionary<string, Article>? ArticlesFrom { get; init; }
    /// <summary>How many article bodies its build read from the database (the others were kept from the previous index).</summary>
    public int ArticlesRead { get; init; }
    readonly Dictionary<string, List<(string[] Terms, string Slug)>> frameworkNames = [];
    readonly List<(AttributeDefinition Attribute, HashSet<string> Terms)> attributeTerms;
    readonly HashSet<string> preferred = [];
    readonly Dictionary<string, int> groupOf = [];
    readonly Dictionary<(string, string), int> profileOrFact = [];
    readonly bool[] isFact;

    public SearchSnapshot(PostingIndex index, IReadOnlyList<SearchDocument> documents, SearchVocabulary vocabulary,
        IReadOnlyList<FrameworkSummary> frameworks, IReadOnlyList<AttributeDefinition> attributes, PackedTexts? texts = null)
    {
        Texts = texts ?? PackedTexts.None;
        Index = index;
        Documents = documents;
        Vocabulary = vocabulary;
        FrameworkNames = frameworks.ToDictionary(f => f.Slug, f => f.Name);
        FrameworkLanguages = frameworks.ToDictionary(f => f.Slug, f => f.Language);
        Attributes = attributes;
        for (var g = 0; g < vocabulary.Groups.Count; g++)
            foreach (var member in vocabulary.Groups[g].Where(m => m.Length == 1))
                groupOf.TryAdd(member[0], g);
        foreach (var f in frameworks)
        {
            var names = new List<string[]> { SearchText.Terms(f.Name).ToArray(), SearchText.Terms(f.Slug).ToArray(), SearchText.Terms(f.Slug.Replace("-", "")).ToArray() };
            names.AddRange(vocabulary.Aliases.GetValueOrDefault(f.Slug) ?? []);
            foreach (var name in names.Where(n => n.Length > 0).DistinctBy(n => string.Join(' ', n)))
            {
                (frameworkNames.TryGetValue(name[0], out var list) ? list : frameworkNames[name[0]] = []).Add((name, f.Slug));
                preferred.UnionWith(name);
            }
        }
        foreach (var list in frameworkNames.Values) list.Sort((a, b) => b.Terms.Length.CompareTo(a.Terms.Length));
        attributeTerms = attributes.Select(a =>
        {
            var terms = SearchText.Terms(a.Label).Concat(SearchText.Terms(a.Key)).Where(t => !GenericLabelTerms.Contains(t)).ToHashSet();
            preferred.UnionWith(terms);
            foreach (var t in terms.ToList())
                if (groupOf.TryGetValue(t, out var g)) terms.Add(SearchVocabulary.GroupTerm(g));
            for (var i = 0; i < SearchText.Terms(a.Label).Count; i++)
                if (vocabulary.MemberAt(SearchText.Terms(a.Label), i) is { } m) terms.Add(SearchVocabulary.GroupTerm(m.Group));
            return (a, terms);
        }).ToList();
        isFact = documents.Select(d => d.Kind == DocumentKinds.Fact).ToArray();
        for (var d = 0; d < documents.Count; d++)
            if (documents[d].Kind is DocumentKinds.Framework or DocumentKinds.Fact)
                profileOrFact[(documents[d].Slug, documents[d].Attribute?.Key ?? "")] = d;
    }

    /// <summary>The query's words, typos corrected (unless exact), frameworks and an attribute recognised.</summary>
    public QueryPlan Plan(string query, bool exact)
    {
        var words = SearchText.Words(query, MaxTerms);
        var terms = words.Select(w => w.Term).ToList();
        string? corrected = null;
        if (!exact)
        {
            var changed = false;
            for (var i = 0; i < terms.Count; i++)
            {
                if (Index.Ids.ContainsKey(terms[i]) || Vocabulary.StopWords.Contains(terms[i]) || preferred.Contains(terms[i]) || groupOf.ContainsKey(terms[i])) continue;
                if (i == terms.Count - 1 && Index.Completions(terms[i], 1).Any()) continue;
                if (Correction(terms[i]) is not { } fix) continue;
                terms[i] = fix;
                changed = true;
            }
            if (changed)
            {
                // The reader's own text with each corrected word replaced, so the rest reads as they typed it.
                var text = new System.Text.StringBuilder();
                var at = 0;
                for (var i = 0; i < words.Count; i++)
                {
                    text.Append(query, at, words[i].Start - at);
                    text.Append(terms[i] == words[i].Term ? query.Substring(words[i].Start, words[i].Length) : terms[i]);
                    at = words[i].Start + words[i].Length;
                }
                corrected = text.ToString();
            }
        }

        var frameworks = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < terms.Count;)
        {
            var name = frameworkNames.GetValueOrDefault(terms[i])?.FirstOrDefault(n => Matches(terms, i, n.Terms));
            if (name is { } found && found.Terms is not null)
            {
                if (!frameworks.Contains(found.Slug)) frameworks.Add(found.Slug);
                i += found.Terms.Length;
            }
            else rest.Add(terms[i++]);
        }
        // A last word still being typed that starts only one framework's name ("djan") names that framework.
        if (frameworks.Count == 0 && rest.Count > 0 && rest[^1].Length >= 3 && rest[^1] == terms[^1] && !Index.Ids.ContainsKey(rest[^1])
            && FrameworksStartingWith(rest[^1]).ToList() is [var only])
        {
            frameworks.Add(only);
            rest.RemoveAt(rest.Count - 1);
        }
        var attribute = AttributeNamed(rest.Where(t => !Vocabulary.StopWords.Contains(t)).ToList());

        var queryTerms = new List<QueryTerm>();
        var highlight = new HashSet<string>();
        var meaningful = terms.Where(t => !Vocabulary.StopWords.Contains(t)).ToList();
        var searched = meaningful.Count > 0 ? terms.Where(t => !Vocabulary.StopWords.Contains(t)).ToList() : terms;
        string? prefix = null;
        for (var i = 0; i < searched.Count;)
        {
            var alternatives = new List<(string, float)>();
            var span = 1;
            if (Vocabulary.MemberAt(searched, i) is { } member)
            {
                span = member.Length;
                if (span == 1) alternatives.Add((searched[i], 1));
                alternatives.Add((SearchVocabulary.GroupTerm(member.Group), span == 1 ? SynonymFactor : 1));
                foreach (var m in Vocabulary.Groups[member.Group]) highlight.UnionWith(m);
            }
            else alternatives.Add((searched[i], 1));
            highlight.Add(searched[i]);
            var last = i + span == searched.Count;
            if (last && span == 1 && searched[i].Length >= 2)
            {
                foreach (var completion in Index.Completions(searched[i], MaxCompletions)) alternatives.Add((completion, CompletionFactor));
                prefix = searched[i];
            }
            queryTerms.Add(new QueryTerm(string.Join(' ', searched.Skip(i).Take(span)), alternatives));
            i += span;
        }
        return new QueryPlan(queryTerms, corrected, frameworks, attribute?.Key, highlight, prefix);
    }

    static bool Matches(List<string> terms, int at, string[] name)
    {
        if (at + name.Length > terms.Count) return false;
        for (var k = 0; k < name.Length; k++) if (terms[at + k] != name[k]) return false;
        return true;
    }

    /// <summary>The attribute the query's other words name best: most of them among its label's words, then the shortest label.</summary>
    AttributeDefinition? AttributeNamed(List<string> words)
    {
        if (words.Count == 0) return null;
        var wanted = words.Select(w => (w, groupOf.TryGetValue(w, out var g) ? SearchVocabulary.GroupTerm(g) : null)).ToList();
        return attributeTerms
            .Select(a => (a.Attribute, Hits: wanted.Count(w => a.Terms.Contains(w.w) || (w.Item2 is not null && a.Terms.Contains(w.Item2))), a.Terms.Count))
            .Where(a => a.Hits > 0)
            .OrderByDescending(a => a.Hits).ThenBy(a => a.Count).ThenBy(a => a.Attribute.Order)
            .Select(a => a.Attribute)
            .FirstOrDefault();
    }

    /// <summary>The known word closest to a misspelt one: fewest edits, then a framework's or attribute's word, then the commonest.</summary>
    string? Correction(string word)
    {
        var allowed = SearchText.AllowedEdits(word);
        if (allowed == 0) return null;
        string? best = null;
        var bestScore = (int.MaxValue, 1, 0);
        foreach (var candidate in Index.Sorted.Concat(preferred).Concat(groupOf.Keys))
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed) continue;
            var distance = SearchText.Distance(word, candidate, allowed);
            if (distance > allowed) continue;
            var score = (distance, preferred.Contains(candidate) ? 0 : 1, -Index.Frequency(candidate));
            if (score.CompareTo(bestScore) < 0) (best, bestScore) = (candidate, score);
        }
        return best;
    }

    /// <summary>The documents that match every term (best first), then those that match some; at most max, plus how many match all.</summary>
    public (List<(int Doc, bool All)> Ranked, int Total) Rank(QueryPlan plan, int max)
    {
        var n = Index.DocumentCount;
        if (plan.Terms.Count == 0 || n == 0 || max <= 0) return ([], 0);
        var scores = ArrayPool<float>.Shared.Rent(n);
        var masks = ArrayPool<int>.Shared.Rent(n);
        var best = ArrayPool<float>.Shared.Rent(n);
        // Every matching document once, in the order first matched; a common word touches nearly all of them.
        var touched = ArrayPool<int>.Shared.Rent(n);
        var termTouched = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Array.Clear(scores, 0, n);
            Array.Clear(masks, 0, n);
            Array.Clear(best, 0, n);
            var touchedCount = 0;
            var docs = Index.Docs;
            var weights = Index.Weights;
            for (var t = 0; t < plan.Terms.Count; t++)
            {
                var bit = 1 << t;
                var alternatives = plan.Terms[t].Alternatives;
                if (alternatives.Count == 1)
                {
                    // One alternative: a document is in its postings once, so its best is its only score.
                    if (!Index.Ids.TryGetValue(alternatives[0].Term, out var id)) continue;
                    var idf = Index.Idf[id] * alternatives[0].Factor;
                    for (int p = Index.Offsets[id], end = Index.Offsets[id + 1]; p < end; p++)
                    {
                        var doc = docs[p];
                        if (masks[doc] == 0) touched[touchedCount++] = doc;
                        masks[doc] |= bit;
                        scores[doc] += idf * weights[p];
                    }
                    continue;
                }
                var termCount = 0;
                foreach (var (term, factor) in alternatives)
                {
                    if (!Index.Ids.TryGetValue(term, out var id)) continue;
                    var idf = Index.Idf[id] * factor;
                    for (int p = Index.Offsets[id], end = Index.Offsets[id + 1]; p < end; p++)
                    {
                        var doc = docs[p];
                        var s = idf * weights[p];
                        if (best[doc] == 0) termTouched[termCount++] = doc;
                        if (s > best[doc]) best[doc] = s;
                    }
                }
                for (var i = 0; i < termCount; i++)
                {
                    var doc = termTouched[i];
                    if (masks[doc] == 0) touched[touchedCount++] = doc;
                    masks[doc] |= bit;
                    scores[doc] += best[doc];
                    best[doc] = 0;
                }
            }
            var named = plan.Frameworks.Count > 0;
            // The best `max` so far, best first; most documents fall below the last and cost one comparison.
            var topDocs = new int[max];
            var topMatched = new int[max];
            var topScores = new float[max];
            var count = 0;
            var total = 0;
            for (var i = 0; i < touchedCount; i++)
            {
                var doc = touched[i];
                var matched = BitOperations.PopCount((uint)masks[doc]);
                if (matched == plan.Terms.Count) total++;
                var score = isFact[doc] && !named ? scores[doc] * FactFactor : scores[doc];
                if (count == max && !Better(matched, score, doc, topMatched[max - 1], topScores[max - 1], topDocs[max - 1])) continue;
                var at = count < max ? count++ : max - 1;
                while (at > 0 && Better(matched, score, doc, topMatched[at - 1], topScores[at - 1], topDocs[at - 1]))
                {
                    (topDocs[at], topMatched[at], topScores[at]) = (topDocs[at - 1], topMatched[at - 1], topScores[at - 1]);
                    at--;
                }
                (topDocs[at], topMatched[at], topScores[at]) = (doc, matched, score);
            }
            var ranked = new List<(int Doc, bool All)>(count);
            for (var i = 0; i < count; i++) ranked.Add((topDocs[i], topMatched[i] == plan.Terms.Count));
            return (ranked, total);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(masks);
            ArrayPool<float>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<int>.Shared.Return(termTouched);
        }
    }

    /// <summary>More words matched, then a higher score, then the earlier document.</summary>
    static bool Better(int matched, float score, int doc, int otherMatched, float otherScore, int otherDoc) =>
        matched != otherMatched ? matched > otherMatched : score != otherScore ? score > otherScore : doc < otherDoc;

    /// <summary>The document of a framework's profile (attribute null) or of one of its facts, if indexed.</summary>
    public int? ProfileOrFact(string slug, string? attribute) => profileOrFact.TryGetValue((slug, attribute ?? ""), out var d) ? d : null;

    /// <summary>Frameworks whose name or alias starts with the word.</summary>
    public IEnumerable<string> FrameworksStartingWith(string word) =>
        frameworkNames.Where(kv => kv.Key.StartsWith(word, StringComparison.Ordinal)).SelectMany(kv => kv.Value.Select(n => n.Slug)).Distinct();
}
