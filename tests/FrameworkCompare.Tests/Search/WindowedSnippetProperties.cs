using CsCheck;
using FrameworkCompare.Web.Search;

namespace FrameworkCompare.Tests.Search;

/// <summary>
/// Snippets unpack a packed text only as far as they reach and mark words without making their terms: for any text
/// and query they must be the runs the whole-text marker cut, and titles must be marked the same.
/// </summary>
public sealed class WindowedSnippetProperties
{
    // Words that stem ("policies", "Bus", "class"), hide a term inside another ("research"), change case or width when
    // lower-cased, join pieces with combining marks, or are cut by surrogates; and separators with line breaks.
    static readonly string[] Tokens =
    [
        "search", "Searching", "research", "schema", "SCHEMAS", "policies", "policy", "Bus", "class", "ies", "routes", "Router",
        "Ünïcödé", "İstanbul", "日本語", "x\u0301y", "e\u0301", "🚀", "𝐀bc", "\uD800", "²", "web", "WebSockets", "sockets", "a", "of",
        " ", " ", " ", ", ", ".\n", "\r\n", "\n\n", " — ", "(", ")", "-", "…", "\t",
    ];
    static readonly string[] Filler = ["lorem", "ipsum", "dolor", "sit", "amet", " ", " ", " ", ". ", "\n"];
    static readonly string[] Terms = ["search", "schema", "policy", "bus", "class", "ies", "route", "router", "ünïcödé", "i̇stanbul", "日本語",
        "x\u0301y", "websocket", "socket", "𝐀bc", "~1", "lorem", "a"];
    static readonly string?[] Prefixes = [null, null, "sea", "sch", "po", "rou", "web", "x"];

    static readonly Gen<string> Text = Gen.Select(
        Gen.OneOf<string>(Filler).Array[0, 300], Gen.OneOf(Gen.OneOf<string>(Tokens), Gen.Char.Select(c => c.ToString())).Array[0, 120],
        Gen.Int[0, 2], (filler, tokens, shape) => shape switch
        {
            // Matches deep in a long text, after a long text, or mixed in from the start.
            0 => string.Concat(filler) + string.Concat(tokens),
            1 => string.Concat(tokens) + string.Concat(filler),
            _ => string.Concat(tokens.Zip(filler, (t, f) => t + f)),
        });

    static readonly Gen<(HashSet<string> Terms, string? Prefix)> Query =
        Gen.Select(Gen.OneOf<string>(Terms).Array[0, 3], Gen.OneOf<string?>(Prefixes), (terms, prefix) => (terms.ToHashSet(), prefix));

    [Fact]
    public void AWindowedSnippetIsTheWholeTextSnippet()
    {
        Gen.Select(Text.Array[1, 4], Query, Gen.Int[1, 30], Gen.OneOf(Gen.Int[1, 40], Gen.Const(512))).Sample((texts, query, length, chunk) =>
        {
            var builder = new PackedTexts.Builder();
            foreach (var text in texts) builder.Add(text);
            var packed = builder.Build();
            var reference = new WholeTextMarker(query.Terms, query.Prefix);
            var marker = new Marker(query.Terms, query.Prefix);
            using var partial = new PartialText(chunk);
            for (var d = 0; d < texts.Length; d++)
            {
                Assert.True(packed.Open(d, partial));
                Assert.Equal(reference.Snippet(texts[d], length), marker.Snippet(partial, length));
                Assert.Equal(reference.Snippet(texts[d], length), marker.Snippet(texts[d], length));
                Assert.Equal(reference.Runs(texts[d]), marker.Runs(texts[d]));
            }
        }, iter: 3000);
    }

    [Fact]
    public void ATextWithoutPackedTextHasNone()
    {
        var builder = new PackedTexts.Builder();
        builder.Add(null);
        using var partial = new PartialText();
        Assert.False(builder.Build().Open(0, partial));
        Assert.False(PackedTexts.None.Open(0, partial));
    }
}
