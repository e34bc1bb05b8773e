using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Tests.Security;

/// <summary>
/// Random documents built from the characters and words each parser cares about, spliced into real shipped files.
/// Whatever comes in, a parser answers with a result or a reported problem: never an exception, never a null result
/// without an error saying why. The seed and the case count are fixed, so a failure is the same on every run;
/// CsCheck prints the shrunk input, which then becomes a <see cref="HostileDocuments"/> case.
/// </summary>
public sealed class ParserProperties
{
    public const string Seed = "0000000000RC";
    public const int Cases = 5_000;

    static readonly string[] YamlTokens =
    [
        "[", "]", "{", "}", ":", ": ", ",", "- ", "? ", "&a ", "*a", "&b ", "*b", "!", "!!str ", "!!map ", "!<tag:x> ", "|", "|-", ">",
        "'", "\"", "#", "%YAML 1.2\n", "@", "`", "\n", "  ", "\t", "\r", "question", "topic", "frameworks", "reviewed", "summary",
        "value", "source", "checked", "unknown", "2026-12-03", "9999-99-99", "django", "x", "0", "-1", "1e400", "0x1F", "~", "null",
        "true", "<<: ", "\\u0000", "\0", "\uFFFF", "\uFEFF", "é", "---\n", "...\n", "\"\\", "https://x.example/", " ",
    ];

    static readonly string[] MarkdownTokens =
    [
        "*", "**", "_", "__", "[", "]", "(", ")", "![", "`", "```", "~~~", "> ", "- ", "1. ", "+ ", "# ", "|", "---", "===", "\n",
        "\n\n", "    ", "\t", "<", ">", "</div>", "<script>", "<img src=x onerror=y>", "&amp;", "&#0;", "\\", "http://x.example",
        "/media/a.png", "javascript:", "{", "}", "^", "~", "=", "$", ":", "a", " ", "[^1]", "[^1]: ", "<!--", "-->", "| --- |",
        "- [ ] ", "\r\n", "\0", "é", "\u202E",
    ];

    static Gen<string> From(string[] tokens, int max) =>
        Gen.OneOf(Gen.OneOf<string>(tokens), Gen.Char.Select(c => c.ToString())).Array[0, max].Select(string.Concat);

    /// <summary>A real file with random text inserted at a random place, so parsing gets past the first field.</summary>
    static Gen<string> SplicedInto(string real, Gen<string> noise) =>
        Gen.Select(Gen.Int[0, real.Length], Gen.Int[0, 40], noise, (at, cut, text) =>
            real[..at] + text + real[Math.Min(real.Length, at + cut)..]);

    /// <summary>Whole FAQ files: random front matter, random Markdown, or noise spliced into a shipped answer.</summary>
    public static Gen<string> Documents => Gen.OneOf(
        Gen.Select(From(YamlTokens, 60), From(MarkdownTokens, 60), (yaml, body) => "---\n" + yaml + "\n---\n" + body),
        SplicedInto(Shipped("faq/is-django-still-relevant.md"), Gen.OneOf(From(YamlTokens, 20), From(MarkdownTokens, 20))));

    static string Shipped(string path) => File.ReadAllText(Path.Combine(ShippedContentTests.RepositoryContent, path));

    [Fact]
    public void FrontMatterAlwaysAnswersWithFieldsOrAProblem()
    {
        var faq = Shipped("faq/is-django-still-relevant.md");
        var gen = Gen.OneOf(From(YamlTokens, 80).Select(yaml => "---\n" + yaml + "\n---\nBody.\n"), SplicedInto(faq, From(YamlTokens, 20)));
        var frameworks = new HashSet<string> { "django", "flask" };
        var parser = new DocumentParser(new MarkdownRenderer());
        gen.Sample(text =>
        {
            var problems = new List<ContentProblem>();
            var front = FrontMatter.Parse("faq/x.md", text, problems);
            Assert.True(front is not null || problems.Any(p => !p.IsWarning), "no fields and no error");
            problems.Clear();
            var entry = parser.ParseFaq(ContentSource.FromBytes("faq/x.md", ContentKind.Faq, Encoding.UTF8.GetBytes(text)), frameworks, problems);
            Assert.True(entry is not null || problems.Any(p => !p.IsWarning), "no FAQ entry and no error");
        }, seed: Seed, iter: Cases);
    }

    [Fact]
    public void MarkdownAlwaysRendersSanitisedHtmlOrAProblem()
    {
        var article = Shipped("articles/django-vs-flask.md");
        var gen = Gen.OneOf(From(MarkdownTokens, 120), SplicedInto(article, From(MarkdownTokens, 40)));
        var renderer = new MarkdownRenderer(ShippedContentTests.RepositoryContent);
        gen.Sample(text =>
        {
            var problems = new List<ContentProblem>();
            var rendered = renderer.Render(text, "articles/x.md", 1, problems);
            var html = new HtmlParser().ParseFragment(rendered.Html, null!);
            var elements = html.SelectMany(n => n is IElement e ? e.DescendantsAndSelf<IElement>() : []).ToList();
            Assert.DoesNotContain(elements, e => e.LocalName is "script" or "iframe" or "object" or "style");
            Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                || (a.Name is "href" or "src" && a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)));
        }, seed: Seed, iter: Cases);
    }

    [Fact]
    public void TheCatalogAlwaysAnswersWithACatalogOrAProblem()
    {
        var catalog = Shipped("attributes.yml");
        var gen = Gen.OneOf(From(YamlTokens, 80), SplicedInto(catalog, From(YamlTokens, 20)));
        gen.Sample(text =>
        {
            var problems = new List<ContentProblem>();
            var parsed = CatalogParser.Parse(ContentSource.FromBytes("attributes.yml", ContentKind.Catalog, Encoding.UTF8.GetBytes(text)), problems);
            Assert.True(parsed is not null || problems.Any(p => !p.IsWarning), "no catalog and no error");
        }, seed: Seed, iter: Cases);
    }

    [Fact]
    public void RandomBytesAreReportedNotThrown()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var problems = new List<ContentProblem>();
            var source = ContentSource.FromBytes("faq/x.md", ContentKind.Faq, [.. "---\n"u8, .. bytes]);
            var entry = new DocumentParser(new MarkdownRenderer()).ParseFaq(source, new HashSet<string>(), problems);
            Assert.True(entry is not null || problems.Any(p => !p.IsWarning));
        }, seed: Seed, iter: Cases);
    }
}
