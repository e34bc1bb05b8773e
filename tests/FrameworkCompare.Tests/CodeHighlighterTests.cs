using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using FrameworkCompare.Web.Content;

namespace FrameworkCompare.Tests;

/// <summary>The server-side highlighter: every language the shipped content uses, with its comments and keywords.</summary>
public sealed partial class CodeHighlighterTests
{
    [Theory]
    [InlineData("python", "# note\ndef f(): return None", "# note", "def")]
    [InlineData("javascript", "// note\nconst x = 1", "// note", "const")]
    [InlineData("typescript", "// note\ninterface Book { title: string }", "// note", "interface")]
    [InlineData("ts", "// note\nexport type Id = number", "// note", "type")]
    [InlineData("ruby", "# note\ndef index\nend", "# note", "def")]
    [InlineData("php", "// note\nfunction show() {}", "// note", "function")]
    [InlineData("php", "# note\nreturn null;", "# note", "return")]
    [InlineData("java", "// note\npublic record Book(String title) {}", "// note", "public")]
    [InlineData("csharp", "// note\nvar app = builder.Build();", "// note", "var")]
    [InlineData("cs", "// note\nusing System;", "// note", "using")]
    [InlineData("c#", "// note\npublic class A {}", "// note", "public")]
    [InlineData("elixir", "# note\ndefmodule A do\nend", "# note", "defmodule")]
    [InlineData("go", "// note\nfunc main() {}", "// note", "func")]
    [InlineData("rust", "// note\nfn main() {}", "// note", "fn")]
    [InlineData("django", "{# note #}\n{% extends \"base.html\" %}", "{# note #}", "extends")]
    public void HighlightsCommentsAndKeywords(string language, string code, string comment, string keyword)
    {
        Assert.True(CodeHighlighter.Knows(language), language);
        var html = Parse(CodeHighlighter.Highlight(language, code));
        Assert.Contains(comment, html.QuerySelectorAll(".tok-c").Select(e => e.TextContent));
        Assert.Contains(keyword, html.QuerySelectorAll(".tok-k").Select(e => e.TextContent));
        Assert.Equal(code, html.Body!.TextContent);
    }

    [Fact]
    public void PhpAttributesAreNotComments()
    {
        var html = Parse(CodeHighlighter.Highlight("php", "#[Route('/books')]\npublic function list() {}"));
        Assert.Empty(html.QuerySelectorAll(".tok-c"));
        Assert.Contains("'/books'", html.QuerySelectorAll(".tok-s").Select(e => e.TextContent));
    }

    [Fact]
    public void CSharpAndRustAttributesAreNotComments()
    {
        Assert.Empty(Parse(CodeHighlighter.Highlight("csharp", "[ApiController]\n#nullable enable")).QuerySelectorAll(".tok-c"));
        Assert.Empty(Parse(CodeHighlighter.Highlight("rust", "#[tokio::main]\nasync fn main() {}")).QuerySelectorAll(".tok-c"));
    }

    [Fact]
    public void UnknownLanguagesStayPlainAndEncoded()
    {
        Assert.False(CodeHighlighter.Knows("brainfuck"));
        Assert.Equal("&lt;b&gt;", CodeHighlighter.Highlight("brainfuck", "<b>"));
    }

    /// <summary>Every fenced code block in the shipped content names a language the highlighter knows (content/README.md documents the format and is not shipped).</summary>
    [Fact]
    public void EveryFencedLanguageInTheShippedContentIsHighlighted()
    {
        var root = ShippedContentTests.RepositoryContent;
        var used = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(path => Path.GetDirectoryName(path) != root)
            .SelectMany(path => Fences(File.ReadAllText(path)).Select(language => (File: Path.GetRelativePath(root, path), Language: language)))
            .ToList();
        Assert.NotEmpty(used);
        var unknown = used.Where(u => !CodeHighlighter.Knows(u.Language)).Select(u => $"{u.File}: {u.Language}").ToList();
        Assert.True(unknown.Count == 0, "Languages the highlighter does not know:\n" + string.Join("\n", unknown));
    }

    /// <summary>The info-string languages of the opening fences in a Markdown text; closing fences and fences inside longer fences are skipped.</summary>
    static IEnumerable<string> Fences(string markdown)
    {
        string? open = null;
        foreach (var line in markdown.Split('\n'))
        {
            var fence = FenceLine().Match(line);
            if (!fence.Success) continue;
            var marker = fence.Groups["marker"].Value;
            if (open is null)
            {
                open = marker;
                if (fence.Groups["info"].Value is { Length: > 0 } info) yield return info;
            }
            else if (marker[0] == open[0] && marker.Length >= open.Length && fence.Groups["info"].Value.Length == 0)
            {
                open = null;
            }
        }
    }

    [GeneratedRegex(@"^ {0,3}(?<marker>`{3,}|~{3,})\s*(?<info>[^\s`]*)")]
    private static partial Regex FenceLine();

    static AngleSharp.Html.Dom.IHtmlDocument Parse(string fragment) => new HtmlParser().ParseDocument("<html><body>" + fragment + "</body></html>");
}
