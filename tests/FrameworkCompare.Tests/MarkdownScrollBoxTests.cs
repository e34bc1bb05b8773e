using AngleSharp.Html.Parser;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Tests;

/// <summary>Wide Markdown tables and code scroll inside named, focusable boxes, so they never widen the page on a phone.</summary>
public sealed class MarkdownScrollBoxTests
{
    static AngleSharp.Html.Dom.IHtmlDocument Render(string markdown) =>
        new HtmlParser().ParseDocument(new MarkdownRenderer().Render(markdown, "a.md", 1, new List<ContentProblem>()).Html);

    [Fact]
    public void EveryTableIsWrappedInALabelledFocusableRegion()
    {
        var html = Render("| Framework | Language |\n| --- | --- |\n| Django | Python |\n\nText.\n\n|   |   |\n|---|---|\n| a | b |\n");
        var boxes = html.QuerySelectorAll("div.table-scroll");
        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, box =>
        {
            Assert.Equal("region", box.GetAttribute("role"));
            Assert.Equal("0", box.GetAttribute("tabindex"));
            Assert.Equal("table", box.FirstElementChild!.LocalName);
        });
        Assert.Equal(["Table: Framework, Language", "Table 2"], boxes.Select(b => b.GetAttribute("aria-label")));
        Assert.Equal(2, html.QuerySelectorAll("table").Length);
        Assert.Empty(html.QuerySelectorAll("table:not(div.table-scroll > table)"));
    }

    [Fact]
    public void TheLabelIsEscapedText()
    {
        var html = Render("| \"x\" onmouseover=\"alert(1)\" | `<b>` |\n| --- | --- |\n| 1 | 2 |\n");
        var box = html.QuerySelector("div.table-scroll")!;
        Assert.Equal("Table: \"x\" onmouseover=\"alert(1)\", <b>", box.GetAttribute("aria-label"));
        Assert.Null(box.GetAttribute("onmouseover"));
    }

    [Fact]
    public void CodeBlocksAreNamedFocusableRegions()
    {
        var html = Render("```python\nprint('a very long line')\n```\n\n```\nplain\n```\n");
        var blocks = html.QuerySelectorAll("pre");
        Assert.Equal(["Code example, python", "Code example"], blocks.Select(b => b.GetAttribute("aria-label")));
        Assert.All(blocks, b => Assert.Equal(("region", "0"), (b.GetAttribute("role"), b.GetAttribute("tabindex"))));
    }

    [Theory]
    [InlineData("<div role=\"region\" tabindex=\"0\" aria-label=\"x\">a</div>")]
    [InlineData("<p role=\"region\" tabindex=\"0\" aria-label=\"x\">a</p>")]
    [InlineData("<div class=\"table-scroll\" role=\"button\" tabindex=\"-1\">a</div>")]
    [InlineData("<pre role=\"alert\" tabindex=\"5\">a</pre>")]
    public void TheSecondWallKeepsTheseAttributesOnlyOnScrollBoxesWithTheirOwnValues(string html)
    {
        var clean = new HtmlParser().ParseFragment(MarkdownRenderer.Sanitize(html), null!).OfType<AngleSharp.Dom.IElement>().Single();
        Assert.Null(clean.GetAttribute("role"));
        Assert.Null(clean.GetAttribute("tabindex"));
        if (clean.LocalName != "pre" && clean.ClassName != "table-scroll") Assert.Null(clean.GetAttribute("aria-label"));
    }
}
