using System.Text;
using FrameworkCompare.Web.Caching;

namespace FrameworkCompare.Tests;

public sealed class IndentTrimmingStreamTests
{
    const string Page = "<main>\n    <p>\n        text\n    </p>\n    <pre><code>def f():\n    return 1\n</code></pre>\n  <textarea>\n  kept\n</textarea>\n\t<PRE class=\"x\">\n  kept too</PRE>\n   <prefix>\n   gone</prefix>\n</main>";
    const string Expected = "<main>\n<p>\ntext\n</p>\n<pre><code>def f():\n    return 1\n</code></pre>\n<textarea>\n  kept\n</textarea>\n<PRE class=\"x\">\n  kept too</PRE>\n<prefix>\ngone</prefix>\n</main>";

    [Theory]
    [InlineData(1000)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void DropsIndentationOutsidePreAndTextareaWhateverTheWriteSizes(int chunk)
    {
        var output = new MemoryStream();
        var bytes = Encoding.UTF8.GetBytes(Page);
        using (var trimming = new IndentTrimmingStream(output))
            for (var i = 0; i < bytes.Length; i += chunk)
                trimming.Write(bytes, i, Math.Min(chunk, bytes.Length - i));
        Assert.Equal(Expected, Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task AnUnfinishedTagAtTheEndIsWrittenWhenTheStreamCloses()
    {
        var output = new MemoryStream();
        await using (var trimming = new IndentTrimmingStream(output))
            await trimming.WriteAsync(Encoding.UTF8.GetBytes("a\n  <b"));
        Assert.Equal("a\n<b", Encoding.UTF8.GetString(output.ToArray()));
    }
}
