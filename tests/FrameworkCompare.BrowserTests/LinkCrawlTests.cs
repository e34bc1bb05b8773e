using FrameworkCompare.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace FrameworkCompare.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LinkCrawlTests(BrowserSite site, ITestOutputHelper output)
{
    // 20 frameworks: 190 two-way comparisons with their filters and downloads, and a report page per value
    // (20 × 53) come to about 2,500 URLs; the bound only stops a page that links to endlessly many.
    const int MaxUrls = 5000;

    [Fact]
    public async Task EveryInternalLinkAndAssetFromTheHomePageAnswers()
    {
        using var http = site.CreateHttpClient();
        var crawler = new SiteCrawler(http, MaxUrls);
        await crawler.CrawlAsync("/");
        output.WriteLine($"{crawler.Checked} URLs checked, {crawler.PagesParsed} pages parsed.");

        Assert.False(crawler.ReachedBound, $"The crawl passed {MaxUrls} URLs: something links to endlessly many pages.");
        Assert.True(crawler.PagesParsed >= 50, $"Only {crawler.PagesParsed} pages reached from /.");
        var broken = crawler.Broken().ToList();
        Assert.True(broken.Count == 0, $"{broken.Count} broken internal link(s) or asset(s):\n{string.Join('\n', broken)}");
        var missing = crawler.MissingFragments().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} link(s) to a #fragment the page does not have:\n{string.Join('\n', missing)}");
    }
}
