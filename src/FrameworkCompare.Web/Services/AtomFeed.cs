using System.Globalization;
using System.Text;
using System.Xml;

namespace FrameworkCompare.Web.Services;

public sealed record AtomEntry(string Url, string Title, DateTimeOffset Published, DateTimeOffset Updated, string Summary, string Author);

/// <summary>Writes an Atom 1.0 feed with XmlWriter (never string concatenation), newest entry's date as the feed's.</summary>
public static class AtomFeed
{
    const string Namespace = "http://www.w3.org/2005/Atom";

    public static byte[] Write(string title, string selfUrl, string alternateUrl, IReadOnlyList<AtomEntry> entries, DateTimeOffset now)
    {
        // Written to memory, not the response stream: XmlWriter's synchronous writes are not allowed on Kestrel's body.
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("title", Namespace, title);
            xml.WriteElementString("id", Namespace, alternateUrl);
            xml.WriteElementString("updated", Namespace, Date(entries.Count > 0 ? entries.Max(e => e.Updated) : now));
            Link(xml, selfUrl, "self");
            Link(xml, alternateUrl, "alternate");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("title", Namespace, entry.Title);
                Link(xml, entry.Url, "alternate");
                xml.WriteElementString("id", Namespace, entry.Url);
                xml.WriteElementString("published", Namespace, Date(entry.Published));
                xml.WriteElementString("updated", Namespace, Date(entry.Updated));
                xml.WriteElementString("summary", Namespace, entry.Summary);
                xml.WriteStartElement("author", Namespace);
                xml.WriteElementString("name", Namespace, entry.Author);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    public static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
