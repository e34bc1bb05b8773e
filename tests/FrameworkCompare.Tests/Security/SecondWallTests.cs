using FrameworkCompare.Web.Content;

namespace FrameworkCompare.Tests.Security;

/// <summary>The sanitizer behind Markdig: markup Markdig would never write is removed, what it does write is kept.</summary>
public sealed class SecondWallTests
{
    [Theory]
    [InlineData("<img src=\"x\" onerror=\"alert(1)\">", "onerror")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    public void MarkupMarkdigNeverWritesIsRemoved(string html, string mustNotRemain) =>
        Assert.DoesNotContain(mustNotRemain, MarkdownRenderer.Sanitize(html), StringComparison.OrdinalIgnoreCase);


    [Fact]
    public void WhatThePipelineWritesSurvives()
    {
        var problems = new List<FrameworkCompare.Web.Models.ContentProblem>();
        var rendered = new MarkdownRenderer().Render("## Heading\n\nText[^1] and [mail](mailto:a@example.org).\n\n- [x] done\n\n```python\nprint(\"hi\")\n```\n\n[^1]: A note.\n", "a.md", 1, problems);

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html);
        Assert.NotNull(html.QuerySelector("h2#heading"));
        Assert.NotNull(html.QuerySelector("pre[data-lang=python] > code.language-python"));
        Assert.NotNull(html.QuerySelector("a[href='mailto:a@example.org']"));
        Assert.NotNull(html.QuerySelector("input[type=checkbox]"));
        Assert.NotNull(html.QuerySelector("[id='fn:1']"));
    }
}
