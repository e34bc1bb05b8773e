using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>Reads articles and FAQ entries: front matter plus a Markdown body.</summary>
public sealed class DocumentParser(MarkdownRenderer markdown)
{
    const int WordsPerMinute = 220;

    /// <param name="authors">The keys of the known authors (<see cref="Author.KeysOf"/>); null skips the check.</param>
    public Article? ParseArticle(ContentSource source, IReadOnlySet<string> frameworks, List<ContentProblem> problems, IReadOnlySet<string>? authors = null)
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
            Author = AuthorOf(f, authors),
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
        f.RejectUnknown("question", "slug", "topic", "frameworks", "reviewed");
        // The day an editor last checked the answer against its sources; shown to readers by the FAQ pages.
        if (f.Date("reviewed", required: false) is { } reviewed && reviewed > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1))
            f.Error(f.KeyLine("reviewed"), $"field 'reviewed': {reviewed:yyyy-MM-dd} is in the future");
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

    public Author? ParseAuthor(ContentSource source, List<ContentProblem> problems)
    {
        var errorsBefore = problems.Count(p => !p.IsWarning);
        var doc = Read(source, problems);
        if (doc is null) return null;
        var f = doc.Fields;
        f.RejectUnknown("name", "slug", "kind", "bio", "links");
        var slug = f.Slug("slug", required: false) ?? Path.GetFileNameWithoutExtension(source.Path);
        if (!YamlFields.IsSlug(slug)) f.Error(f.Line, $"the file name '{slug}' is not a slug: add a 'slug' field or rename the file");
        var kind = f.Text("kind");
        if (kind is not null and not ("person" or "team")) f.Error(f.KeyLine("kind"), $"field 'kind': '{kind}' is neither 'person' nor 'team'");
        var links = f.Mappings("links", required: false).Select(link =>
        {
            link.RejectUnknown("label", "url");
            return new AuthorLink(link.Text("label") ?? "", link.Url("url") ?? "");
        }).ToList();
        var author = new Author
        {
            Slug = slug,
            Name = f.Text("name") ?? "",
            Kind = kind == "team" ? AuthorKind.Team : AuthorKind.Person,
            Bio = f.Text("bio") ?? "",
            Links = links,
            SourcePath = source.Path,
            Html = "",
        };
        // The body (a longer introduction) is optional: the bio is enough for most authors.
        if (!string.IsNullOrWhiteSpace(doc.Body)) author.Html = markdown.Render(doc.Body, f.File, doc.BodyFirstLine, problems).Html;
        return problems.Count(p => !p.IsWarning) == errorsBefore ? author : null;
    }

    static string AuthorOf(YamlFields f, IReadOnlySet<string>? authors)
    {
        var author = f.Text("author") ?? "";
        if (authors is not null && author.Length > 0 && !authors.Contains(author) && !authors.Contains(author.ToLowerInvariant()))
            f.Warning(f.KeyLine("author"), $"no author file for '{author}': add content/authors/<slug>.md with this name, or name an author by its slug; until then the byline is plain text");
        return author;
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
