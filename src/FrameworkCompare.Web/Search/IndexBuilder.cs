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
    // For Keep: the index kept documents come from, and the number each of its documents has here (-1: not kept).
    PostingIndex? basis;
    int[] keptAs = [];
    int lastKept = -1;

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

    /// <summary>
    /// Adds the next document with the postings it has in <paramref name="from"/>: an unchanged document is neither read
    /// nor indexed again, and Build copies its postings run by run. Kept documents come from one index, in its order.
    /// </summary>
    public void Keep(PostingIndex from, int document)
    {
        if (basis is null)
        {
            basis = from;
            keptAs = new int[from.DocumentCount];
            Array.Fill(keptAs, -1);
        }
        if (basis != from) throw new ArgumentException("Kept documents come from one index.", nameof(from));
        if (document <= lastKept || document >= from.DocumentCount) throw new ArgumentOutOfRangeException(nameof(document), "Kept documents come in their order.");
        keptAs[document] = documents++;
        lastKept = document;
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
        var (offsets, docs, weights) = AddedRuns();
        return basis is null ? new PostingIndex(ids, offsets, docs, weights, documents) : Merge(basis, offsets, docs, weights);
    }

    /// <summary>The added documents' postings, by this builder's term ids.</summary>
    (int[] Offsets, int[] Docs, float[] Weights) AddedRuns()
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
        return (offsets, docs, weights);
    }

    /// <summary>
    /// Each term's run: the kept documents' postings from the basis (renumbered, still ascending) merged with the added
    /// ones'. The work is a copy of the postings plus the added documents' terms; the terms are sorted again only when
    /// some appear or disappear, and then only the new ones are compared.
    /// </summary>
    PostingIndex Merge(PostingIndex from, int[] addedOffsets, int[] addedDocs, float[] addedWeights)
    {
        var basisTerms = from.Offsets.Length - 1;
        var kept = new int[basisTerms];
        for (var t = 0; t < basisTerms; t++)
            for (var p = from.Offsets[t]; p < from.Offsets[t + 1]; p++)
                if (keptAs[from.Docs[p]] >= 0) kept[t]++;
        var added = new string[ids.Count];
        foreach (var (term, id) in ids) added[id] = term;
        // Which added term each basis term is, and the added terms the basis does not have.
        var addedOf = new int[basisTerms];
        Array.Fill(addedOf, -1);
        var newTerms = new List<int>();
        for (var a = 0; a < added.Length; a++)
            if (from.Ids.TryGetValue(added[a], out var t)) addedOf[t] = a;
            else newTerms.Add(a);
        var count = (int t) => kept[t] + (addedOf[t] < 0 ? 0 : addedOffsets[addedOf[t] + 1] - addedOffsets[addedOf[t]]);
        var survivors = 0;
        for (var t = 0; t < basisTerms; t++) if (count(t) > 0) survivors++;
        var sameTerms = survivors == basisTerms && newTerms.Count == 0;

        // The basis terms keep their order, the new ones follow: ids are positions, searches look terms up by name.
        var order = new int[survivors + newTerms.Count];
        var offsets = new int[order.Length + 1];
        var n = 0;
        for (var t = 0; t < basisTerms; t++)
            if (count(t) > 0)
            {
                order[n] = t;
                offsets[n + 1] = offsets[n] + count(t);
                n++;
            }
        foreach (var a in newTerms)
        {
            order[n] = -1 - a;
            offsets[n + 1] = offsets[n] + addedOffsets[a + 1] - addedOffsets[a];
            n++;
        }
        var docs = new int[offsets[^1]];
        var weights = new float[offsets[^1]];
        for (var i = 0; i < order.Length; i++)
        {
            var (kp, kend) = order[i] >= 0 ? (from.Offsets[order[i]], from.Offsets[order[i] + 1]) : (0, 0);
            var a = order[i] >= 0 ? addedOf[order[i]] : -1 - order[i];
            var (ap, aend) = a >= 0 ? (addedOffsets[a], addedOffsets[a + 1]) : (0, 0);
            var at = offsets[i];
            while (true)
            {
                while (kp < kend && keptAs[from.Docs[kp]] < 0) kp++;
                var keptDoc = kp < kend ? keptAs[from.Docs[kp]] : int.MaxValue;
                var addedDoc = ap < aend ? addedDocs[ap] : int.MaxValue;
                if (keptDoc == int.MaxValue && addedDoc == int.MaxValue) break;
                if (keptDoc < addedDoc) (docs[at], weights[at], kp) = (keptDoc, from.Weights[kp], kp + 1);
                else (docs[at], weights[at], ap) = (addedDoc, addedWeights[ap], ap + 1);
                at++;
            }
        }
        if (sameTerms) return new PostingIndex(from.Ids, offsets, docs, weights, documents, from.Sorted);

        var names = new string[basisTerms];
        foreach (var (term, id) in from.Ids) names[id] = term;
        var merged = new Dictionary<string, int>(order.Length, StringComparer.Ordinal);
        for (var i = 0; i < order.Length; i++) merged.Add(order[i] >= 0 ? names[order[i]] : added[-1 - order[i]], i);
        var appeared = newTerms.Select(a => added[a]).Where(PostingIndex.IsWord).Order(StringComparer.Ordinal).ToList();
        var sorted = new List<string>(from.Sorted.Length + appeared.Count);
        var next = 0;
        foreach (var term in from.Sorted)
        {
            if (count(from.Ids[term]) == 0) continue;
            while (next < appeared.Count && string.CompareOrdinal(appeared[next], term) < 0) sorted.Add(appeared[next++]);
            sorted.Add(term);
        }
        sorted.AddRange(appeared.Skip(next));
        return new PostingIndex(merged, offsets, docs, weights, documents, [.. sorted]);
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

    public PostingIndex(IReadOnlyDictionary<string, int> ids, int[] offsets, int[] docs, float[] weights, int documentCount, string[]? sorted = null)
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
        Sorted = sorted ?? ids.Keys.Where(IsWord).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>A word, not a synonym group's term.</summary>
    public static bool IsWord(string term) => term[0] != '~';

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
