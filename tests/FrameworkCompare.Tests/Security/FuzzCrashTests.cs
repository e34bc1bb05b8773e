using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Tests.Security;

/// <summary>
/// Every input afl++ found to crash a parser (tools/fuzz/crashes, one file each, first byte choosing the parser as in the
/// harness) is now a reported problem.
/// </summary>
public sealed class FuzzCrashTests
{
    public static IEnumerable<object[]> Crashes() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "FuzzCrashes")).Order().Select(f => new object[] { Path.GetFileName(f) });

    [Theory, MemberData(nameof(Crashes))]
    public void TheCrashIsNowAProblem(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "FuzzCrashes", name));
        var (body, problems, markdown) = (bytes[1..], new List<ContentProblem>(), new MarkdownRenderer());
        object? parsed = (bytes[0] % 4) switch
        {
            0 => new DocumentParser(markdown).ParseFaq(ContentSource.FromBytes("faq/x.md", ContentKind.Faq, body), new HashSet<string>(), problems),
            1 => new DocumentParser(markdown).ParseArticle(ContentSource.FromBytes("articles/x.md", ContentKind.Article, body), new HashSet<string>(), problems),
            2 => CatalogParser.Parse(ContentSource.FromBytes("attributes.yml", ContentKind.Catalog, body), problems),
            _ => markdown.Render(System.Text.Encoding.UTF8.GetString(body), "articles/x.md", 1, problems),
        };
        Assert.True(parsed is not null || problems.Any(p => !p.IsWarning), "neither a result nor an error");
    }
}
