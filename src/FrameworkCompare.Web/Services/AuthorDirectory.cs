using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Services;

/// <summary>Authors' pages, and the byline of any article: linked to its author's page when a file names the author.</summary>
public sealed class AuthorDirectory(SiteDb db, LinkGenerator links)
{
    public Task<List<Author>> ListAsync(CancellationToken ct) => db.Authors.OrderBy(a => a.Name).ToListAsync(ct);

    /// <summary>Turns articles' author fields into bylines; authors are few, so all are read once per page.</summary>
    public async Task<Func<string, Byline>> BylinesAsync(CancellationToken ct)
    {
        var authors = await db.Authors.ToListAsync(ct);
        return reference => (authors.FirstOrDefault(a => a.Slug == reference) ?? authors.FirstOrDefault(a => a.IsNamedBy(reference))) is { } author
            ? new Byline(author.Name, links.AuthorPath(author.Slug), author.Kind)
            : new Byline(reference);
    }

    public async Task<AuthorViewModel?> GetAsync(string slug, CancellationToken ct)
    {
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (author is null) return null;
        var name = author.Name.ToLower();
        var articles = (await db.Articles.Where(a => a.Author == author.Slug || a.Author.ToLower() == name)
                .OrderByDescending(a => a.Published).ThenBy(a => a.Title)
                .Select(a => new { a.Slug, a.Title, a.Summary, a.Published, a.Author }).ToListAsync(ct))
            // SQLite lower-cases ASCII only; the final word on a match is the same rule bylines use.
            .Where(a => a.Author == author.Slug || author.IsNamedBy(a.Author))
            .Select(a => new AuthoredArticle(a.Title, links.ArticlePath(a.Slug), a.Summary, a.Published))
            .ToList();
        return new AuthorViewModel(author, articles);
    }
}
