using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Services;

public sealed class ArticleService(SiteSnapshot snapshot, SiteDb db, AuthorDirectory authors, LinkGenerator links)
{
    const int MaxRelated = 5;

    public Task<List<ArticleListItem>> ListAsync(CancellationToken ct) =>
        Task.FromResult(snapshot.ArticleHeaders.Select(a => new ArticleListItem(a, authors.Byline(a.Author))).ToList());

    /// <summary>The article page: everything from the snapshot but the body, which is one read by key.</summary>
    public async Task<ArticleViewModel?> GetAsync(string slug, CancellationToken ct)
    {
        // Model binding makes a blank slug ("/articles/%20") null.
        if (slug is null || !snapshot.ArticleBySlug.TryGetValue(slug, out var header)) return null;
        var body = await db.Articles.Where(a => a.Slug == slug).Select(a => new { a.Html, a.Toc }).FirstOrDefaultAsync(ct);
        // Gone since the snapshot was built: the next version drops it too.
        if (body is null) return null;
        var article = new Article
        {
            Slug = header.Slug, Title = header.Title, Summary = header.Summary, Author = header.Author, Published = header.Published,
            Updated = header.Updated, Frameworks = header.Frameworks, Tags = header.Tags, ReadingMinutes = header.ReadingMinutes,
            SourcePath = header.SourcePath, Html = body.Html, Toc = body.Toc, Text = "",
        };
        return await BuildAsync(article, ct);
    }

    /// <summary>The page for an article, published or a draft's.</summary>
    public Task<ArticleViewModel> BuildAsync(Article article, CancellationToken ct)
    {
        var slug = article.Slug;
        var related = snapshot.ArticleHeaders.Where(a => a.Slug != slug)
            .Select(a => (a, Score: a.Frameworks.Intersect(article.Frameworks).Count() * 2 + a.Tags.Intersect(article.Tags).Count()))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.a.Title)
            .Take(MaxRelated)
            .Select(x => new ContentLink(x.a.Title, links.ArticlePath(x.a.Slug), x.a.Summary))
            .ToList();
        var frameworks = snapshot.Summaries.Where(f => article.Frameworks.Contains(f.Slug)).ToList();
        return Task.FromResult(new ArticleViewModel { Article = article, Byline = authors.Byline(article.Author), Frameworks = frameworks, Related = related });
    }
}
