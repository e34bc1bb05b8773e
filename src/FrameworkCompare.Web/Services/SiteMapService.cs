using System.Text;
using System.Xml;
using FrameworkCompare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Services;

/// <summary>The sitemap and the Atom feed of articles, with absolute URLs under the given site root.</summary>
public sealed class SiteMapService(SiteDb db, AuthorDirectory authors, TimeProvider clock, LinkGenerator links)
{
    const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public sealed record Page(string Path, DateOnly? LastModified = null);

    sealed record FeedEntry(string Slug, string Title, string Summary, string Author, DateOnly Published, DateOnly Updated);

    /// <summary>Every public page: lists, profiles, every two-framework comparison, articles, FAQ answers and authors.</summary>
    public async Task<List<Page>> PagesAsync(CancellationToken ct)
    {
        var frameworks = (await db.Frameworks.Select(f => f.Slug).ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
        var articles = (await db.Articles.OrderBy(a => a.Slug).Select(a => new { a.Slug, Modified = a.Updated ?? a.Published }).ToListAsync(ct))
            .Select(a => new Page(links.ArticlePath(a.Slug), a.Modified)).ToList();
        var faqs = (await db.FaqEntries.OrderBy(f => f.Slug).Select(f => f.Slug).ToListAsync(ct)).Select(links.FaqPath).ToList();
        var authorPages = (await db.Authors.OrderBy(a => a.Slug).Select(a => a.Slug).ToListAsync(ct)).Select(links.AuthorPath).ToList();

        var pairs = frameworks.SelectMany((a, i) => frameworks.Skip(i + 1).Select(b => ComparisonService.PathFor([a, b])));
        return
        [
            new(links.PathTo(PagePaths.Home)), new(links.PathTo(PagePaths.Frameworks)), .. frameworks.Select(s => new Page(links.FrameworkPath(s))), .. pairs.Select(p => new Page(p)),
            new(links.PathTo(PagePaths.Articles)), .. articles, new(links.PathTo(PagePaths.Faq)), .. faqs.Select(p => new Page(p)), new(links.MethodologyPath()),
            new(links.ChangesPath(null)), .. frameworks.Select(s => new Page(links.ChangesPath(s))),
            .. authorPages.Count > 0 ? [new Page(links.PathTo(PagePaths.Authors)), .. authorPages.Select(p => new Page(p))] : new List<Page>(),
        ];
    }

    public async Task<byte[]> SitemapAsync(string root, CancellationToken ct)
    {
        var pages = await PagesAsync(ct);
        return Write(xml =>
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
        });
    }

    /// <summary>An Atom feed of every article, newest first.</summary>
    public async Task<byte[]> FeedAsync(string root, CancellationToken ct)
    {
        var entries = await db.Articles
            .OrderByDescending(a => a.Published).ThenBy(a => a.Slug)
            .Select(a => new FeedEntry(a.Slug, a.Title, a.Summary, a.Author, a.Published, a.Updated ?? a.Published))
            .ToListAsync(ct);
        var bylines = await authors.BylinesAsync(ct);
        return AtomFeed.Write("FrameworkCompare articles", root + links.PathTo(PagePaths.ArticlesFeed), root + links.PathTo(PagePaths.Articles),
            entries.Select(e => new AtomEntry(root + links.ArticlePath(e.Slug), e.Title, AtomFeed.Midnight(e.Published), AtomFeed.Midnight(e.Updated), e.Summary, bylines(e.Author).Name)).ToList(),
            clock.GetUtcNow());
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
