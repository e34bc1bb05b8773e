using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Services;

/// <summary>Authors' pages, and the byline of any article: linked to its author's page when a file names the author.</summary>
public sealed class AuthorDirectory(SiteSnapshot snapshot, LinkGenerator links)
{
    public Task<List<Author>> ListAsync(CancellationToken ct) => Task.FromResult(snapshot.Authors.ToList());

    /// <summary>Turns articles' author fields into bylines.</summary>
    public Task<Func<string, Byline>> BylinesAsync(CancellationToken ct) => Task.FromResult<Func<string, Byline>>(Byline);

    public Byline Byline(string reference) =>
        (snapshot.Authors.FirstOrDefault(a => a.Slug == reference) ?? snapshot.Authors.FirstOrDefault(a => a.IsNamedBy(reference))) is { } author
            ? new Byline(author.Name, links.AuthorPath(author.Slug), author.Kind)
            : new Byline(reference);

    public Task<AuthorViewModel?> GetAsync(string slug, CancellationToken ct)
    {
        var author = snapshot.Authors.FirstOrDefault(a => a.Slug == slug);
        if (author is null) return Task.FromResult<AuthorViewModel?>(null);
        var articles = snapshot.ArticleHeaders.Where(a => a.Author == author.Slug || author.IsNamedBy(a.Author))
            .Select(a => new AuthoredArticle(a.Title, links.ArticlePath(a.Slug), a.Summary, a.Published))
            .ToList();
        return Task.FromResult<AuthorViewModel?>(new AuthorViewModel(author, articles));
    }
}
