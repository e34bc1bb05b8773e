using System.Text;
using System.Xml;
using FrameworkCompare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Services;

/// <summary>The sitemap and the Atom feed of articles, with absolute URLs under the given site root.</summary>
public sealed class SiteMapService(SiteDb db, TimeProvider clock)
{
    const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9", AtomNamespace = "http://www.w3.org/2005/Atom";

    public sealed record Page(string Path, DateOnly? LastModified = null);

    sealed record FeedEntry(string Slug, string Title, string Summary, string Author, DateOnly Published, DateOnly Updated);

    /// <summary>Every public page: lists, profiles, every two-framework comparison, articles and FAQ answers.</summary>
    public async Task<List<Page>> PagesAsync(CancellationToken ct)
    {
        var frameworks = (await db.Frameworks.Select(f => f.Slug).ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
        var articles = await db.Articles.OrderBy(a => a.Slug).Select(a => new Page($"/articles/{a.Slug}", a.Updated ?? a.Published)).ToListAsync(ct);
        var faqs = await db.FaqEntries.OrderBy(f => f.Slug).Select(f => $"/faq/{f.Slug}").ToListAsync(ct);

        var pairs = frameworks.SelectMany((a, i) => frameworks.Skip(i + 1).Select(b => ComparisonService.PathFor([a, b])));
        return
        [
            new("/"), new("/frameworks"), .. frameworks.Select(s => new Page($"/frameworks/{s}")), .. pairs.Select(p => new Page(p)),
            new("/articles"), .. articles, new("/faq"), .. faqs.Select(p => new Page(p)),
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
        var updated = entries.Count > 0 ? AtomDate(entries.Max(e => e.Updated)) : clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ");
        return Write(xml =>
        {
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("title", AtomNamespace, "FrameworkCompare articles");
            xml.WriteElementString("id", AtomNamespace, root + "/");
            xml.WriteElementString("updated", AtomNamespace, updated);
            Link(xml, root + "/feed.xml", "self");
            Link(xml, root + "/articles", "alternate");
            foreach (var entry in entries)
            {
                var url = $"{root}/articles/{entry.Slug}";
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("title", AtomNamespace, entry.Title);
                Link(xml, url, "alternate");
                xml.WriteElementString("id", AtomNamespace, url);
                xml.WriteElementString("published", AtomNamespace, AtomDate(entry.Published));
                xml.WriteElementString("updated", AtomNamespace, AtomDate(entry.Updated));
                xml.WriteElementString("summary", AtomNamespace, entry.Summary);
                xml.WriteStartElement("author", AtomNamespace);
                xml.WriteElementString("name", AtomNamespace, entry.Author);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    static string AtomDate(DateOnly date) => date.ToString("yyyy-MM-dd") + "T00:00:00Z";

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
