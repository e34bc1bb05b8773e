using System.Text;
using System.Xml;
using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Services;

/// <summary>The sitemap and the Atom feed of articles, with absolute URLs under the given site root.</summary>
public sealed class SiteMapService(SiteSnapshot snapshot, AuthorDirectory authors, TimeProvider clock, LinkGenerator links)
{
    const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public sealed record Page(string Path, DateOnly? LastModified = null);

    /// <summary>Every public page: lists, profiles, every two-framework comparison, articles, FAQ answers, attributes and authors.</summary>
    public Task<List<Page>> PagesAsync(CancellationToken ct) => Task.FromResult(Pages());

    List<Page> Pages()
    {
        var frameworks = snapshot.Frameworks.Select(f => f.Slug).Order(StringComparer.Ordinal).ToList();
        var articles = snapshot.ArticleHeaders.OrderBy(a => a.Slug, StringComparer.Ordinal)
            .Select(a => new Page(links.ArticlePath(a.Slug), a.Updated ?? a.Published)).ToList();
        var faqs = snapshot.Faq.Select(f => f.Slug).Order(StringComparer.Ordinal).Select(links.FaqPath).ToList();
        var authorPages = snapshot.Authors.Select(a => a.Slug).Order(StringComparer.Ordinal).Select(links.AuthorPath).ToList();

        var attributes = snapshot.Catalog.Attributes.Select(a => a.Key).Order(StringComparer.Ordinal).Select(k => new Page(links.AttributePath(k))).ToList();
        var pairs = frameworks.SelectMany((a, i) => frameworks.Skip(i + 1).Select(b => ComparisonService.PathFor([a, b])));
        return
        [
            new(links.PathTo(PagePaths.Home)), new(links.PathTo(PagePaths.Frameworks)), .. frameworks.Select(s => new Page(links.FrameworkPath(s))), .. pairs.Select(p => new Page(p)),
            new(links.PathTo(PagePaths.Articles)), .. articles, new(links.PathTo(PagePaths.Faq)), .. faqs.Select(p => new Page(p)), new(links.MethodologyPath()),
            new(links.PathTo(PagePaths.Attributes)), .. attributes,
            new(links.ChangesPath(null)), .. frameworks.Select(s => new Page(links.ChangesPath(s))),
            .. authorPages.Count > 0 ? [new Page(links.PathTo(PagePaths.Authors)), .. authorPages.Select(p => new Page(p))] : new List<Page>(),
        ];
    }

    public Task<byte[]> SitemapAsync(string root, CancellationToken ct)
    {
        var pages = Pages();
        return Task.FromResult(Write(xml =>
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            foreach (var page in pages)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", root + page.Path);
                if (page.LastModified is { } date) xml.WriteElementString("lastmod", date.ToString("yyyy-MM-dd"));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }));
    }

    /// <summary>An Atom feed of every article, newest first.</summary>
    public Task<byte[]> FeedAsync(string root, CancellationToken ct)
    {
        var entries = snapshot.ArticleHeaders.OrderByDescending(a => a.Published).ThenBy(a => a.Slug, StringComparer.Ordinal);
        return Task.FromResult(AtomFeed.Write("FrameworkCompare articles", root + links.PathTo(PagePaths.ArticlesFeed), root + links.PathTo(PagePaths.Articles),
            entries.Select(e => new AtomEntry(root + links.ArticlePath(e.Slug), e.Title, AtomFeed.Midnight(e.Published), AtomFeed.Midnight(e.Updated ?? e.Published), e.Summary, authors.Byline(e.Author).Name)).ToList(),
            clock.GetUtcNow()));
    }

    // Written to memory, not the response stream: XmlWriter's synchronous writes are not allowed on Kestrel's body.
    static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }
}
