namespace FrameworkCompare.Web.Search;

/// <summary>Turns documents' fields into postings: for each term, the documents holding it and a weight per document.</summary>
public sealed class IndexBuilder(SearchVocabulary vocabulary)
{
    // Where a word appears says how much it is about: a title or question most, the body least.
    public const float TitleWeight = 10, KeywordWeight = 4, SummaryWeight = 3, BodyWeight = 1;
    const float K1 = 1.2f, B = 0.75f, AverageBodyWords = 300;

    readonly Dictionary<string, int> ids = [];
    readonly List<List<int>> docs = [];
    readonly List<List<float>> weights = [];
    readonly Dictionary<int, float> current = [];
    int documents;

    /// <summary>Adds the next document (numbered in the order added).</summary>
    public void Add(string title, string keywords, string summary, string body)
    {
        current.Clear();
        AddField(title, TitleWeight, saturate: false);
        AddField(keywords, KeywordWeight, saturate: false);
        AddField(summary, SummaryWeight, saturate: false);
        AddField(body, BodyWeight, saturate: true);
        foreach (var (term, weight) in current)
        {
            docs[term].Add(documents);
            weights[term].Add(weight);
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
        ids[term] = id = docs.Count;
        docs.Add([]);
        weights.Add([]);
        return id;
    }

    public PostingIndex Build() => new(ids, [.. docs.Select(d => d.ToArray())], [.. weights.Select(w => w.ToArray())], documents);
}

/// <summary>The built postings, read-only and shared by every search.</summary>
public sealed class PostingIndex
{
    public IReadOnlyDictionary<string, int> Ids { get; }
    public int[][] Docs { get; }
    public float[][] Weights { get; }
    public float[] Idf { get; }
    public int DocumentCount { get; }
    /// <summary>Every word term (not the synonym groups' terms), in ordinal order, for prefixes and typos.</summary>
    public string[] Sorted { get; }

    public PostingIndex(Dictionary<string, int> ids, int[][] docs, float[][] weights, int documentCount)
    {
        Ids = ids;
        Docs = docs;
        Weights = weights;
        DocumentCount = documentCount;
        Idf = docs.Select(d => (float)Math.Log(1 + (documentCount - d.Length + 0.5) / (d.Length + 0.5))).ToArray();
        Sorted = ids.Keys.Where(k => k[0] != '~').Order(StringComparer.Ordinal).ToArray();
    }

    public int Frequency(string term) => Ids.TryGetValue(term, out var id) ? Docs[id].Length : 0;

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
