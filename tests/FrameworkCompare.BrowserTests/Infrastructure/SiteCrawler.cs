using System.Collections.Concurrent;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>
/// Follows every same-origin link and asset (href, src, srcset; loc and link in sitemaps and feeds) from a start page,
/// up to a bound, and records each URL's status, who linked to it, and the #fragments asked of each page.
/// </summary>
public sealed class SiteCrawler(HttpClient http, int maxUrls)
{
    const string LinkSelector = "a[href], area[href], link[href], script[src], img[src], img[srcset], source[src], source[srcset], iframe[src], video[src], audio[src]";

    readonly Uri origin = http.BaseAddress ?? throw new ArgumentException("The client needs a BaseAddress.");
    readonly ConcurrentDictionary<Uri, ConcurrentBag<Uri>> referrers = new();
    readonly ConcurrentDictionary<Uri, int> statuses = new();
    readonly ConcurrentDictionary<Uri, HashSet<string>> idsByPage = new();
    readonly ConcurrentBag<(Uri Page, string Fragment, Uri From)> fragments = [];

    public bool ReachedBound { get; private set; }
    public int Checked => statuses.Count;
    public int PagesParsed => idsByPage.Count;

    public async Task CrawlAsync(string startPath)
    {
        var start = new Uri(origin, startPath);
        referrers[start] = [];
        var level = new List<Uri> { start };
        while (level.Count > 0)
        {
            var next = new ConcurrentBag<Uri>();
            await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (url, ct) =>
            {
                foreach (var found in await VisitAsync(url, ct))
                {
                    var target = WithoutFragment(found);
                    if (found.Fragment.Length > 1) fragments.Add((target, Uri.UnescapeDataString(found.Fragment[1..]), url));
                    if (referrers.TryAdd(target, [url])) next.Add(target);
                    else referrers[target].Add(url);
                }
            });
            level = [.. next];
            if (referrers.Count > maxUrls) { ReachedBound = true; break; }
        }
    }

    /// <summary>Every URL that answered 400 or more (or did not answer), with the pages linking to it.</summary>
    public IEnumerable<string> Broken() => statuses.Where(s => s.Value >= 400 || s.Value == 0).OrderBy(s => s.Key.ToString())
        .Select(s => $"{s.Value} {s.Key.PathAndQuery} linked from {string.Join(", ", referrers[s.Key].Distinct().Take(3).Select(r => r.PathAndQuery))}");

    /// <summary>Links to #fragments that name no element on the (crawled) target page.</summary>
    public IEnumerable<string> MissingFragments() => fragments
        .Where(f => idsByPage.TryGetValue(f.Page, out var ids) && !ids.Contains(f.Fragment) && f.Fragment != "top")
        .Select(f => $"{f.Page.PathAndQuery}#{f.Fragment} linked from {f.From.PathAndQuery}").Distinct().Order();

    async Task<IEnumerable<Uri>> VisitAsync(Uri url, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(url, ct);
            statuses[url] = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) return [];
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            var body = await response.Content.ReadAsStringAsync(ct);
            var links = type switch
            {
                "text/html" => FromHtml(url, body),
                "application/xml" or "text/xml" or "application/atom+xml" or "application/rss+xml" => FromXml(body),
                _ => [],
            };
            return links.Select(link => Uri.TryCreate(url, link.Trim(), out var absolute) ? absolute : null)
                .OfType<Uri>().Where(IsSameOrigin).ToList();
        }
        catch (HttpRequestException) { statuses[url] = 0; return []; }
    }

    List<string> FromHtml(Uri url, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        idsByPage[url] = [.. document.QuerySelectorAll("[id]").Select(e => e.Id!), .. document.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!)];
        var links = new List<string>();
        foreach (var element in document.QuerySelectorAll(LinkSelector))
        {
            foreach (var name in (string[])["href", "src"]) if (element.GetAttribute(name) is { } value) links.Add(value);
            if (element.GetAttribute("srcset") is { } srcset) links.AddRange(srcset.Split(',').Select(c => c.Trim().Split(' ')[0]));
        }
        return links;
    }

    static List<string> FromXml(string xml) =>
    [
        .. XDocument.Parse(xml).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value),
        .. XDocument.Parse(xml).Descendants().Where(e => e.Name.LocalName == "link").Select(e => (string?)e.Attribute("href")).OfType<string>(),
    ];

    bool IsSameOrigin(Uri url) => url.Scheme == origin.Scheme && url.Host == origin.Host && url.Port == origin.Port;

    static Uri WithoutFragment(Uri url) => new(url.GetLeftPart(UriPartial.Query));
}
