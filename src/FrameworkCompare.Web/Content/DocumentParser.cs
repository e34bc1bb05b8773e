using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>Reads articles and FAQ entries: front matter plus a Markdown body.</summary>
public sealed class DocumentParser(MarkdownRenderer markdown)
{
    const int WordsPerMinute = 220;

    public Article? ParseArticle(ContentSource source, IReadOnlySet<string> frameworks, List<ContentProblem> problems)
    {
        var errorsBefore = problems.Count(p => !p.IsWarning);
        var doc = Read(source, problems);
        if (doc is null) return null;
        var f = doc.Fields;
        f.RejectUnknown("title", "slug", "summary", "author", "published", "updated", "frameworks", "tags");
        var published = f.Date("published");
        var updated = f.Date("updated", required: false);
        if (updated < published)
            f.Error(f.LineOf(f.Node("updated", false)!), $"field 'updated': {updated:yyyy-MM-dd} is before 'published' ({published:yyyy-MM-dd})");
        var article = new Article
        {
            Title = f.Text("title") ?? "",
            Slug = f.Slug("slug") ?? "",
            Summary = f.Text("summary") ?? "",
            Author = f.Text("author") ?? "",
            Published = published ?? default,
            Updated = updated,
            Frameworks = FrameworkSlugs(f, frameworks),
            Tags = f.List("tags", required: false) ?? [],
            SourcePath = source.Path,
            Html = "",
            Text = "",
        };
        if (Body(doc, problems) is { } body)
        {
            (article.Html, article.Text, article.Toc) = body;
            article.ReadingMinutes = Math.Max(1, (int)Math.Ceiling(body.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length / (double)WordsPerMinute));
        }
        return problems.Count(p => !p.IsWarning) == errorsBefore ? article : null;
    }

    public FaqEntry? ParseFaq(ContentSource source, IReadOnlySet<string> frameworks, List<ContentProblem> problems)
    {
        var errorsBefore = problems.Count(p => !p.IsWarning);
        var doc = Read(source, problems);
        if (doc is null) return null;
        var f = doc.Fields;
        f.RejectUnknown("question", "slug", "topic", "frameworks");
        var slug = f.Slug("slug", required: false) ?? Path.GetFileNameWithoutExtension(source.Path);
        if (!YamlFields.IsSlug(slug)) f.Error(f.Line, $"the file name '{slug}' is not a slug: add a 'slug' field or rename the file");
        var entry = new FaqEntry
        {
            Slug = slug,
            Question = f.Text("question") ?? "",
            Topic = f.Text("topic") ?? "",
            Frameworks = FrameworkSlugs(f, frameworks),
            SourcePath = source.Path,
            AnswerHtml = "",
            AnswerText = "",
        };
        if (Body(doc, problems) is { } body) (entry.AnswerHtml, entry.AnswerText) = (body.Html, body.Text);
        return problems.Count(p => !p.IsWarning) == errorsBefore ? entry : null;
    }

    static FrontMatter? Read(ContentSource source, List<ContentProblem> problems)
    {
        var text = source.ReadText(problems);
        return text is null ? null : FrontMatter.Parse(source.Path, text, problems);
    }

    RenderedMarkdown? Body(FrontMatter doc, List<ContentProblem> problems)
    {
        if (!string.IsNullOrWhiteSpace(doc.Body)) return markdown.Render(doc.Body, doc.Fields.File, doc.BodyFirstLine, problems);
        doc.Fields.Error(doc.BodyFirstLine, "the body is empty: write the text below the front matter");
        return null;
    }

    static List<string> FrameworkSlugs(YamlFields f, IReadOnlySet<string> known)
    {
        var slugs = f.List("frameworks") ?? [];
        foreach (var unknown in slugs.Where(s => !known.Contains(s)))
            f.Error(f.KeyLine("frameworks"), $"unknown framework '{unknown}' (known: {string.Join(", ", known.Order())})");
        return slugs.Distinct().ToList();
    }
}
