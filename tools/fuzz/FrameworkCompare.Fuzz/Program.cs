using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;
using SharpFuzz;

// One input is one content file. Its first byte picks the parser, so one corpus covers all of them. A parser must
// answer with a result or a reported problem: any exception escaping here is a finding for afl++.
// Instrumented code may only run inside Run, where afl's shared memory exists: the parsers are built on first use.
var frameworks = new HashSet<string> { "django", "flask", "fastapi" };
MarkdownRenderer? markdown = null;
DocumentParser? documents = null;
FrameworkParser? frameworkParser = null;

// "--replay FILE..." runs saved inputs without afl (from an uninstrumented build) and prints what each one throws.
if (args is ["--replay", .. var files])
{
    foreach (var file in files)
    {
        try { Parse(File.ReadAllBytes(file)); Console.WriteLine($"{file}: ok"); }
        catch (Exception e) { Console.WriteLine($"{file}: {e.GetType().Name}: {e.Message}\n{e.StackTrace?.Split('\n').Take(6).Aggregate((a, b) => a + "\n" + b)}"); }
    }
    return;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    Parse(buffer.ToArray());
});

void Parse(byte[] bytes)
{
    markdown ??= new MarkdownRenderer();
    documents ??= new DocumentParser(markdown);
    frameworkParser ??= new FrameworkParser(markdown, TimeProvider.System);
    if (bytes.Length == 0) return;
    var problems = new List<ContentProblem>();
    var body = bytes[1..];
    switch (bytes[0] % 4)
    {
        case 0:
            documents.ParseFaq(ContentSource.FromBytes("faq/fuzz.md", ContentKind.Faq, body), frameworks, problems);
            break;
        case 1:
            documents.ParseArticle(ContentSource.FromBytes("articles/fuzz.md", ContentKind.Article, body), frameworks, problems);
            break;
        case 2:
            var catalog = CatalogParser.Parse(ContentSource.FromBytes("attributes.yml", ContentKind.Catalog, body), problems);
            if (catalog is not null)
                frameworkParser.Parse(ContentSource.FromBytes("frameworks/fuzz.md", ContentKind.Framework, body), catalog, problems);
            break;
        default:
            markdown.Render(System.Text.Encoding.UTF8.GetString(body), "articles/fuzz.md", 1, problems);
            break;
    }
}
