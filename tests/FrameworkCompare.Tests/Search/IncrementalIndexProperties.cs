using System.Text;
using CsCheck;
using FrameworkCompare.Web.Search;

namespace FrameworkCompare.Tests.Search;

/// <summary>
/// An index built from the previous one, keeping the unchanged documents' postings, equals one built from every document:
/// the same terms, each with the same documents and weights, the same idf and the same sorted word list.
/// </summary>
public sealed class IncrementalIndexProperties
{
    const string Seed = "0000000000IX";
    static readonly SearchVocabulary Vocabulary = SearchVocabulary.Shipped();
    // Few words, so documents share terms; some are synonyms, so group terms come and go too.
    static readonly string[] Words = ["django", "flask", "orm", "database", "layer", "async", "asyncio", "routing", "admin", "login", "rails", "x1", "x2", "x3", "quokka"];

    sealed record Doc(string Title, string Keywords, string Summary, string Body);

    static readonly Gen<string> Text = Gen.OneOf<string>(Words).Array[0, 12].Select(w => string.Join(' ', w));
    static readonly Gen<Doc> Document = Gen.Select(Text, Text, Text, Text, (t, k, s, b) => new Doc(t, k, s, b));

    /// <summary>What happens to each old document (kept, replaced, dropped) and the new documents put before it.</summary>
    enum Fate { Keep, Replace, Drop }

    static readonly Gen<(List<Doc> Old, List<(Fate Fate, Doc Doc, List<Doc> Before)> Changes, List<Doc> After)> Cases =
        Gen.Select(Document.List[0, 30],
            Gen.Select(Gen.Frequency((6, Gen.Const(Fate.Keep)), (2, Gen.Const(Fate.Replace)), (1, Gen.Const(Fate.Drop))), Document,
                Gen.Frequency((4, Gen.Const(new List<Doc>())), (1, Document.List[1, 2]))).List[30],
            Document.List[0, 3],
            (old, changes, after) => (old, changes.Take(old.Count).ToList(), after));

    static PostingIndex Full(IEnumerable<Doc> docs)
    {
        var builder = new IndexBuilder(Vocabulary);
        foreach (var d in docs) builder.Add(d.Title, d.Keywords, d.Summary, d.Body);
        return builder.Build();
    }

    static string Contents(PostingIndex index)
    {
        var text = new StringBuilder($"{index.DocumentCount} documents\n");
        foreach (var (term, id) in index.Ids.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.Append($"{term} {index.Idf[id]}:");
            for (var p = index.Offsets[id]; p < index.Offsets[id + 1]; p++) text.Append($" {index.Docs[p]}={index.Weights[p]}");
            text.Append('\n');
        }
        return text.Append(string.Join(' ', index.Sorted)).ToString();
    }

    [Fact]
    public void AnIndexUpdatedFromThePreviousOneEqualsAFullBuild()
    {
        Cases.Sample(c =>
        {
            var before = Full(c.Old);
            var builder = new IndexBuilder(Vocabulary);
            var now = new List<Doc>();
            void Add(Doc d)
            {
                builder.Add(d.Title, d.Keywords, d.Summary, d.Body);
                now.Add(d);
            }
            for (var i = 0; i < c.Old.Count; i++)
            {
                var (fate, replacement, inserted) = c.Changes[i];
                inserted.ForEach(Add);
                if (fate == Fate.Keep)
                {
                    builder.Keep(before, i);
                    now.Add(c.Old[i]);
                }
                else if (fate == Fate.Replace) Add(replacement);
            }
            c.After.ForEach(Add);

            Assert.Equal(Contents(Full(now)), Contents(builder.Build()));
        }, seed: Seed, iter: 2_000);
    }

    [Fact]
    public void AnUnchangedTermSetKeepsTheTermsAndTheirOrder()
    {
        var docs = new[] { new Doc("django orm", "", "", "routing"), new Doc("flask", "", "", "routing admin") };
        var before = Full(docs);
        var builder = new IndexBuilder(Vocabulary);
        builder.Keep(before, 0);
        builder.Add("flask", "", "", "admin routing");

        var after = builder.Build();

        Assert.Same(before.Ids, after.Ids);
        Assert.Same(before.Sorted, after.Sorted);
        Assert.Equal(Contents(Full(docs)), Contents(after));
    }

    [Fact]
    public void DocumentsAreKeptInTheirOrderFromOneIndex()
    {
        var before = Full([new Doc("a", "", "", ""), new Doc("b", "", "", "")]);
        var builder = new IndexBuilder(Vocabulary);
        builder.Keep(before, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Keep(before, 0));
        Assert.Throws<ArgumentException>(() => builder.Keep(Full([new Doc("c", "", "", "")]), 0));
    }
}
