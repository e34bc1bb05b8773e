using System.Text;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Editing;

/// <summary>
/// Builds the reader's page for a draft: the draft is parsed by the importer's own parsers and laid over the
/// published data in memory, so nothing of it reaches the read model or the cache.
/// </summary>
public sealed class PreviewBuilder(
    SiteDb db, FrameworkParser frameworks, DocumentParser documents, ArticleService articles, FaqService faq,
    FrameworkDirectory directory, ComparisonService comparisons)
{
    /// <summary>A reader's view and its model, or the problems that keep the draft from having one.</summary>
    public sealed record Preview(string? View, object? Model, IReadOnlyList<ContentProblem> Problems, IReadOnlyList<FrameworkSummary> CompareWith);

    /// <summary>The problems of one file's text, parsed as the importer would against the published catalog and frameworks.</summary>
    public async Task<IReadOnlyList<ContentProblem>> ProblemsAsync(string path, string text, CancellationToken ct)
    {
        var kind = ContentPath.KindOf(path);
        var source = ContentSource.FromBytes(path, kind, Encoding.UTF8.GetBytes(text));
        var problems = new List<ContentProblem>();
        var known = (await directory.ListAsync(ct)).Select(f => f.Slug).ToHashSet();
        var catalog = kind is ContentKind.Framework or ContentKind.Scoring ? await CatalogAsync(ct) : null;
        SafeParse.Run<object>(path, problems, () => kind switch
        {
            ContentKind.Article => documents.ParseArticle(source, known, problems),
            ContentKind.Faq => documents.ParseFaq(source, known, problems),
            ContentKind.Author => documents.ParseAuthor(source, problems),
            ContentKind.Framework when catalog is not null => frameworks.Parse(source, catalog, problems),
            ContentKind.Catalog => CatalogParser.Parse(source, problems),
            ContentKind.Scoring => ScoringParser.Parse(source, catalog, problems),
            _ => null,
        });
        return problems;
    }

    public async Task<Preview> BuildAsync(string path, string text, string? compareWith, CancellationToken ct)
    {
        var kind = ContentPath.KindOf(path);
        var source = ContentSource.FromBytes(path, kind, Encoding.UTF8.GetBytes(text));
        var problems = new List<ContentProblem>();
        var published = await directory.ListAsync(ct);
        var known = published.Select(f => f.Slug).ToHashSet();
        switch (kind)
        {
            case ContentKind.Article when SafeParse.Run(path, problems, () => documents.ParseArticle(source, known, problems)) is { } article:
                return new("~/Views/Articles/Article.cshtml", await articles.BuildAsync(article, ct), problems, []);
            case ContentKind.Faq when SafeParse.Run(path, problems, () => documents.ParseFaq(source, known, problems)) is { } entry:
                return new("~/Views/Faq/Answer.cshtml", await faq.BuildAsync(entry, ct), problems, []);
            case ContentKind.Framework when await CatalogAsync(ct) is { } catalog && SafeParse.Run(path, problems, () => frameworks.Parse(source, catalog, problems)) is { } framework:
                var others = published.Where(f => f.Slug != framework.Slug).ToList();
                if (compareWith is not null && await comparisons.PreviewAsync(framework, compareWith, ct) is { } comparison)
                    return new("~/Views/Compare/Index.cshtml", comparison, problems, others);
                return new("~/Views/Frameworks/Profile.cshtml", await directory.ProfileAsync(framework, ct), problems, others);
            case ContentKind.Catalog:
                SafeParse.Run(path, problems, () => CatalogParser.Parse(source, problems));
                break;
            case ContentKind.Scoring:
                var scoringCatalog = await CatalogAsync(ct);
                SafeParse.Run(path, problems, () => ScoringParser.Parse(source, scoringCatalog, problems));
                break;
        }
        return new(null, null, problems, []);
    }

    async Task<Catalog?> CatalogAsync(CancellationToken ct)
    {
        var attributes = await db.Attributes.ToListAsync(ct);
        return attributes.Count == 0 ? null : new Catalog(await db.Categories.ToListAsync(ct), attributes);
    }
}
