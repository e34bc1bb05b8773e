namespace FrameworkCompare.Web.Search;

/// <summary>Turns documents' fields into postings: for each term, the documents holding it and a weight per document.</summary>
public sealed class IndexBuilder(SearchVocabulary vocabulary)
{
    // Where a word appears says how much it is about: a title or question most, the body least.
    public const float TitleWeight = 10, KeywordWeight = 4, SummaryWeight = 3, BodyWeight = 1;
    const float K1 = 1.2f, B = 0.75f, AverageBodyWords = 300;

    readonly Dictionary<string, int> ids = [];
    // Every document's (term, weight) pairs one after another, in document order; Build sorts them by term.
    readonly List<int> pairTerms = [];
    readonly List<float> pairWeights = [];
    readonly List<int> frequencies = [];
    readonly Dictionary<int, float> current = [];
    int documents;
    // For AddFrom: the term ids of the index copied from, as this builder's (-1 until seen).
    DocumentPostings? copiedFrom;
    int[] copiedIds = [];

    /// <summary>Adds the next document (numbered in the order added).</summary>
    public void Add(string title, string keywords, string summary, string body)
    {
        current.Clear();
        AddField(title, TitleWeight, saturate: false);
        AddField(keywords, KeywordWeight, saturate: false);
        AddField(summary, SummaryWeight, saturate: false);
        AddField(body, BodyWeight, saturate: true);
        pairTerms.Add(-1 - documents);
        pairWeights.Add(0);
        foreach (var (term, weight) in current)
        {
            pairTerms.Add(term);
            pairWeights.Add(weight);
            frequencies[term]++;
        }
        documents++;
    }

    /// <summary>Adds the next document with the postings it has in another index: an unchanged document is not read again.</summary>
    public void AddFrom(DocumentPostings from, int document)
    {
        if (copiedFrom != from)
        {
            copiedFrom = from;
            copiedIds = new int[from.TermCount];
            Array.Fill(copiedIds, -1);
        }
        pairTerms.Add(-1 - documents);
        pairWeights.Add(0);
        foreach (var (term, weight) in from.Of(document))
        {
            ref var id = ref copiedIds[term];
            if (id < 0) id = Id(from.Term(term));
            pairTerms.Add(id);
            pairWeights.Add(weight);
            frequencies[id]++;
        }
        documents++;
    }

    void AddField(string text, float fieldWeight, bool saturate)
    {
        if (string.IsNullOrEmpty(text)) return;
        var terms = SearchText.Terms(text);
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < terms.Count; i++)
        {
            counts[terms[i]] = counts.GetValueOrDefault(terms[i]) + 1;
            if (vocabulary.MemberAt(terms, i) is { } member)
            {
                var group = SearchVocabulary.GroupTerm(member.Group);
                counts[group] = counts.GetValueOrDefault(group) + 1;
            }
        }
        var norm = saturate ? 1 - B + B * terms.Count / AverageBodyWords : 1;
        foreach (var (term, tf) in counts)
        {
            // Body: BM25's saturation; short fields: being there is what counts, a repeat adds little.
            var weight = saturate ? fieldWeight * tf * (K1 + 1) / (tf + K1 * norm) : fieldWeight * (1 + 0.1f * Math.Min(tf - 1, 3));
            var id = Id(term);
            current[id] = current.GetValueOrDefault(id) + weight;
        }
    }

    int Id(string term)
    {
        if (ids.TryGetValue(term, out var id)) return id;
        ids[term] = id = frequencies.Count;
        frequencies.Add(0);
        return id;
    }

    /// <summary>The postings in one array per kind, each term's run starting at its offset (documents ascending within a run).</summary>
    public PostingIndex Build()
    {
        var offsets = new int[frequencies.Count + 1];
        for (var t = 0; t < frequencies.Count; t++) offsets[t + 1] = offsets[t] + frequencies[t];
        var next = offsets[..^1];
        var docs = new int[offsets[^1]];
        var weights = new float[offsets[^1]];
        var doc = 0;
        for (var i = 0; i < pairTerms.Count; i++)
        {
            var term = pairTerms[i];
            // A negative entry starts the next document's pairs.
            if (term < 0) { doc = -1 - term; continue; }
            var at = next[term]++;
            docs[at] = doc;
            weights[at] = pairWeights[i];
        }
        return new PostingIndex(ids, offsets, docs, weights, documents);
    }
}

/// <summary>An index's postings by document rather than by term: what a rebuild copies of the documents that did not change.</summary>
public sealed class DocumentPostings
{
    readonly int[] starts;
    readonly int[] terms;
    readonly float[] weights;
    readonly string[] names;

    public DocumentPostings(PostingIndex index)
    {
        starts = new int[index.DocumentCount + 1];
        foreach (var doc in index.Docs) starts[doc + 1]++;
        for (var d = 0; d < index.DocumentCount; d++) starts[d + 1] += starts[d];
        var next = starts[..^1];
        terms = new int[index.Docs.Length];
        weights = new float[index.Docs.Length];
        for (var t = 0; t < index.Offsets.Length - 1; t++)
            for (var p = index.Offsets[t]; p < index.Offsets[t + 1]; p++)
            {
                var at = next[index.Docs[p]]++;
                terms[at] = t;
                weights[at] = index.Weights[p];
            }
        names = new string[index.Ids.Count];
        foreach (var (term, id) in index.Ids) names[id] = term;
    }

    public int TermCount => names.Length;

    public string Term(int id) => names[id];

    public IEnumerable<(int Term, float Weight)> Of(int document)
    {
        for (var at = starts[document]; at < starts[document + 1]; at++) yield return (terms[at], weights[at]);
    }
}

/// <summary>The built postings, read-only and shared by every search: term t's documents are Docs[Offsets[t]..Offsets[t + 1]].</summary>
public sealed class PostingIndex
{
    public IReadOnlyDictionary<string, int> Ids { get; }
    public int[] Offsets { get; }
    public int[] Docs { get; }
    public float[] Weights { get; }
    public float[] Idf { get; }
    public int DocumentCount { get; }
    /// <summary>Every word term (not the synonym groups' terms), in ordinal order, for prefixes and typos.</summary>
    public string[] Sorted { get; }

    public PostingIndex(Dictionary<string, int> ids, int[] offsets, int[] docs, float[] weights, int documentCount)
    {
        Ids = ids;
        Offsets = offsets;
        Docs = docs;
        Weights = weights;
        DocumentCount = documentCount;
        Idf = new float[offsets.Length - 1];
        for (var t = 0; t < Idf.Length; t++)
        {
            var df = offsets[t + 1] - offsets[t];
            Idf[t] = (float)Math.Log(1 + (documentCount - df + 0.5) / (df + 0.5));
        }
        Sorted = ids.Keys.Where(k => k[0] != '~').Order(StringComparer.Ordinal).ToArray();
    }

    public int Frequency(string term) => Ids.TryGetValue(term, out var id) ? Offsets[id + 1] - Offsets[id] : 0;

    /// <summary>Terms starting with prefix (not the prefix itself), the most frequent first.</summary>
    public IEnumerable<string> Completions(string prefix, int max)
    {
        var start = Array.BinarySearch(Sorted, prefix, StringComparer.Ordinal);
        if (start < 0) start = ~start;
        var found = new List<string>();
        for (var i = start; i < Sorted.Length && Sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            if (Sorted[i].Length > prefix.Length) found.Add(Sorted[i]);
        return found.Count <= max ? found : found.OrderByDescending(Frequency).Take(max);
    }
}
