using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Services;

public sealed class ArticleService(SiteDb db, FrameworkDirectory directory, ArticleCards cards, AuthorDirectory authors, LinkGenerator links)
{
    const int MaxRelated = 5;

    public async Task<List<ArticleListItem>> ListAsync(CancellationToken ct)
    {
        var bylines = await authors.BylinesAsync(ct);
        return (await db.Articles.OrderByDescending(a => a.Published).ThenBy(a => a.Title).ToListAsync(ct))
            .Select(a => new ArticleListItem(a, bylines(a.Author))).ToList();
    }

    public async Task<ArticleViewModel?> GetAsync(string slug, CancellationToken ct)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Slug == slug, ct);
        return article is null ? null : await BuildAsync(article, ct);
    }

    /// <summary>The page for an article, published or a draft's.</summary>
    public async Task<ArticleViewModel> BuildAsync(Article article, CancellationToken ct)
    {
        var slug = article.Slug;
        var related = (await cards.AllAsync()).Where(a => a.Slug != slug)
            .Select(a => (a, Score: a.Frameworks.Intersect(article.Frameworks).Count() * 2 + a.Tags.Intersect(article.Tags).Count()))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.a.Title)
            .Take(MaxRelated)
            .Select(x => new ContentLink(x.a.Title, links.ArticlePath(x.a.Slug), x.a.Summary))
            .ToList();
        var frameworks = (await directory.ListAsync(ct)).Where(f => article.Frameworks.Contains(f.Slug)).ToList();
        var byline = (await authors.BylinesAsync(ct))(article.Author);
        return new ArticleViewModel { Article = article, Byline = byline, Frameworks = frameworks, Related = related };
    }
}
