using System.Text;
using CsCheck;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Tests.Security;

/// <summary>
/// The sanitizer's fast path (<see cref="SanitizerFastPath"/>) may only skip the sanitizer where the answer is the same:
/// whenever it answers, its answer is byte for byte what Ganss.Xss.HtmlSanitizer gives for the same HTML. Checked on
/// Markdig's output for random and hostile Markdown, and on random hostile HTML given to it directly. Fixed seed and
/// count, as in <see cref="ParserProperties"/>.
/// </summary>
public sealed class SanitizerFastPathProperties
{
    const int Cases = 4_000;

    static readonly string[] MarkdownTokens =
    [
        "*", "**", "_", "__", "[", "]", "(", ")", "![", "`", "```", "~~~", "> ", "- ", "1. ", "3. ", "+ ", "# ", "## ", "### ", "|", "---",
        "===", "\n", "\n\n", "    ", "\t", "<", ">", "</div>", "<script>alert(1)</script>", "<img src=x onerror=y>", "<a href=\"javascript:x\">",
        "<b onclick=\"x\">", "<!--", "-->", "&amp;", "&#0;", "&#39;", "&nbsp;", "&copy;", "&#x1F600;", "&quot;", "&lt;", "\\", "\"", "'",
        "http://x.example", "https://x.example/a?b=1&c=2", "www.x.example", "<http://x.example>", "<mailto:a@x.example>", "a@x.example",
        "/media/a.png", "javascript:", "JaVaScRiPt:", "java\tscript:", "vbscript:", "data:text/html,x", "[x](javascript:alert(1))",
        "[x](/a:b)", "[x](#a:b)", "[x](?a:b)", "[x](mailto:a@x.example)", "[x](http://x.example \"t\")", "![a](http://x.example/a.png \"t\")",
        "[x](<a b>)", "{", "}", "^", "~", "~~", "==", "++", "$", ":", "a", " ", "[^1]", "[^1]: ", "[^x]: note\n", "| a | b |\n| --- | --- |\n",
        "| :-- | --: |", "|:-:|", "- [ ] ", "- [x] ", "\r\n", "\r", "\0", "é", "\u00a0", "\u202E", "\uD83D\uDE00", "\uD800", "\uFFFE",
        "```python\n", "```javascript\n", "```go\n", "```text\n", "```\"><script>\n", "def f():\n", "\"s\" # c\n", "&{alert(1)}",
    ];

    static readonly string[] HtmlTokens =
    [
        "<p>", "</p>", "<h2 id=\"a\">", "</h2>", "<a href=\"", "<a href=\"#fn:1\" class=\"footnote-ref\" id=\"fnref:1\">", "</a>", "\">", "\"",
        "javascript:alert(1)", "/compare/a-vs-b", "http://x.example/", "mailto:a@x.example", "data:x", "&#58;", "&#x3a;", " onclick=\"x\"",
        " title=\"t\"", " style=\"color:red\"", " id=\"i\"", " class=\"c\"", "<br />", "<br>", "<hr />", "<img src=\"a.png\" alt=\"a\" />",
        "<input class=\"task-list-item-checkbox\" disabled=\"disabled\" type=\"checkbox\" />", "<ul>", "</ul>", "<ol start=\"3\">", "</ol>",
        "<li>", "</li>", "<table>", "</table>", "<thead>", "</thead>", "<tbody>", "</tbody>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>",
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table: a\">", "<div role=\"region\">", "</div>",
        "<pre data-lang=\"python\" role=\"region\" tabindex=\"0\" aria-label=\"Code\">", "<pre>", "</pre>", "<code class=\"language-x\">",
        "</code>", "<span class=\"tok-kw\">", "</span>", "<em>", "</em>", "<strong>", "</strong>", "<sup>", "</sup>", "<del>", "</del>",
        "<mark>", "</mark>", "<blockquote>", "</blockquote>", "<script>", "</script>", "<style>", "<iframe>", "<!-- c -->", "<b>", "</b>",
        "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#160;", "&#8617;", "&#128512;", "&#0;", "&#x80;", "&#xD800;", "&nbsp;", "&copy;",
        "&{", "&", "<", ">", "\n", "\r", "\t", " ", "\0", "\u00a0", "é", "\uD83D\uDE00", "\uDC00", "x", "text",
    ];

    static Gen<string> From(string[] tokens, int max) =>
        Gen.OneOf(Gen.OneOf<string>(tokens), Gen.OneOf<string>(tokens), Gen.Char.Select(c => c.ToString())).Array[0, max].Select(string.Concat);

    static Gen<string> SplicedInto(string real, Gen<string> noise) =>
        Gen.Select(Gen.Int[0, real.Length], Gen.Int[0, 40], noise, (at, cut, text) =>
            real[..at] + text + real[Math.Min(real.Length, at + cut)..]);

    static string Shipped(string path) => File.ReadAllText(Path.Combine(ShippedContentTests.RepositoryContent, path));

    static string[] ShippedArticles() =>
        Directory.GetFiles(Path.Combine(ShippedContentTests.RepositoryContent, "articles"), "*.md").Order().Select(File.ReadAllText).ToArray();

    /// <summary>Asserts the equality where the fast path answers; tells whether it did.</summary>
    static bool SameAsTheSanitizer(string html)
    {
        var fast = MarkdownRenderer.ProvenSanitized(html);
        if (fast is null) return false;
        Assert.Equal(MarkdownRenderer.Sanitize(html), fast);
        return true;
    }

    [Fact]
    public void OnMarkdigOutputTheFastPathAnswersAsTheSanitizerDoes()
    {
        var article = Shipped("articles/django-vs-flask.md");
        // Content arrives as UTF-8 bytes, so a lone surrogate never reaches Markdig (whose URL escaping throws on one).
        var gen = Gen.OneOf(From(MarkdownTokens, 120), SplicedInto(article, From(MarkdownTokens, 40)))
            .Select(text => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));
        var renderer = new MarkdownRenderer();
        var answered = 0;
        gen.Sample(text =>
        {
            if (renderer.UnsanitizedHtml(text, new List<ContentProblem>()) is { } html && SameAsTheSanitizer(html)) answered++;
        }, seed: ParserProperties.Seed, iter: Cases);
        // A fast path that never answers would pass the equality trivially, and save nothing.
        Assert.True(answered > Cases / 4, $"the fast path answered for only {answered} of {Cases} documents");
    }

    [Fact]
    public void OnHostileHtmlTheFastPathAnswersAsTheSanitizerDoesOrNotAtAll()
    {
        var answered = 0;
        From(HtmlTokens, 60).Sample(html =>
        {
            if (SameAsTheSanitizer(html)) answered++;
        }, seed: ParserProperties.Seed, iter: Cases * 2);
        Assert.True(answered > 0, "no random HTML was answered by the fast path: the generator tests nothing");
    }

    [Fact]
    public void EveryShippedArticleTakesTheFastPathWithTheSanitizersAnswer()
    {
        var renderer = new MarkdownRenderer();
        foreach (var text in ShippedArticles())
        {
            var html = renderer.UnsanitizedHtml(FrontMatter.Parse("a.md", text, [])!.Body, [])!;
            Assert.True(SameAsTheSanitizer(html), "a shipped article fell back to the full sanitizer");
        }
    }

    [Theory]
    [InlineData("<p><a href=\"javascript:alert(1)\">x</a></p>\n")]
    [InlineData("<p><a href=\"JavaScript:alert(1)\">x</a></p>\n")]
    [InlineData("<p><a href=\"java&#115;cript:alert(1)\">x</a></p>\n")]
    [InlineData("<p><a href=\"?a:b\">x</a></p>\n")]
    [InlineData("<p><a href=\" javascript:x\">x</a></p>\n")]
    [InlineData("<p><a href=\"x\" onclick=\"alert(1)\">x</a></p>\n")]
    [InlineData("<p onclick=\"alert(1)\">x</p>\n")]
    [InlineData("<p><img src=\"x\" onerror=\"alert(1)\" /></p>\n")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>\n")]
    [InlineData("<script>alert(1)</script>\n")]
    [InlineData("<p><a href=\"/a\">x<a href=\"/b\">y</a></a></p>\n")]
    [InlineData("<p><div>x</div></p>\n")]
    [InlineData("<table><tr><td>x</td></tr></table>\n")]
    [InlineData("<li>x</li>\n")]
    [InlineData("<div role=\"region\">x</div>\n")]
    [InlineData("<p title=\"&{alert(1)}\">x</p>\n")]
    [InlineData("<p>x\r\ny</p>\n")]
    [InlineData("<p>&copy;</p>\n")]
    [InlineData("<!-- x --><p>x</p>\n")]
    [InlineData("<p>x\n")]
    public void WhatTheFastPathCannotVouchForGoesToTheSanitizer(string html) =>
        Assert.Null(MarkdownRenderer.ProvenSanitized(html));

    [Theory]
    [InlineData("<p>a<br />b</p>\n<hr />\n", "<p>a<br>b</p>\n<hr>\n")]
    [InlineData("<p>&quot;a&quot; &#39;b&#39; &#8617; &amp; &lt;</p>\n", "<p>\"a\" 'b' ↩ &amp; &lt;</p>\n")]
    [InlineData("<p>a\u00a0b</p>\n", "<p>a&nbsp;b</p>\n")]
    [InlineData("<pre role=\"region\" tabindex=\"0\" aria-label=\"Code\"><code>x</code></pre>\n", "<pre role=\"region\" tabindex=\"0\" aria-label=\"Code\"><code>x</code></pre>\n")]
    public void MarkdigsFormsAreWrittenAsTheSanitizerWritesThem(string html, string expected)
    {
        Assert.Equal(expected, MarkdownRenderer.ProvenSanitized(html));
        Assert.Equal(expected, MarkdownRenderer.Sanitize(html));
    }

    [Fact]
    public void RenderGivesWhatTheFullSanitizerGives()
    {
        var renderer = new MarkdownRenderer();
        foreach (var text in ShippedArticles())
        {
            var body = FrontMatter.Parse("a.md", text, [])!.Body;
            var html = renderer.UnsanitizedHtml(body, [])!;
            Assert.Equal(MarkdownRenderer.Sanitize(html), renderer.Render(body, "a.md", 1, []).Html);
        }
    }
}
