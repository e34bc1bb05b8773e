using FrameworkCompare.Web.Search;

namespace FrameworkCompare.Tests.Search;

/// <summary>Snippet texts come back from their packed form exactly as they went in.</summary>
public sealed class PackedTextsTests
{
    [Fact]
    public void EveryTextUnpacksToItself()
    {
        string[] texts =
        [
            "Routes and views.\nA pyramid of needs: a pyramid of tests.",
            "",
            "  leading separators, trailing ones…  ",
            "Ünïcödé, 日本語のテキスト, an emoji 🚀 and a lone surrogate \uD800 here",
            "<img src=x onerror=alert(1)> \uE000<i>fake</i>\uE001",
            // Enough distinct pieces that their numbers take two and three bytes.
            string.Join(' ', Enumerable.Range(0, 20_000).Select(i => "w" + i)),
        ];
        var builder = new PackedTexts.Builder();
        foreach (var text in texts) builder.Add(text);
        builder.Add(null);
        var packed = builder.Build();

        for (var i = 0; i < texts.Length; i++) Assert.Equal(texts[i], packed[i]);
        Assert.Null(packed[texts.Length]);
        Assert.Null(packed[texts.Length + 1]);
        Assert.Null(packed[-1]);
    }
}
