using System.Net;
using System.Xml.Linq;
using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.History;

/// <summary>Fact changes derived from revisions: what counts as a change, and where readers see it.</summary>
public sealed class FactHistoryTests : IAsyncLifetime
{
    const string DjangoPath = "frameworks/django.md";
    const string StarsBlock = "  github-stars:\n    value: 86000\n    source: https://github.com/example/django\n    checked: 2025-04-02\n";
    EditorSite site = null!;

    public async Task InitializeAsync()
    {
        site = await EditorSite.StartAsync();
        // The start-up records each file's first version; its history is derived once that is done.
        await EditorSite.EventuallyAsync(() => site.Revisions(DjangoPath), r => r.Count > 0, seconds: 60);
        await SettledAsync();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task AFirstImportAndAReImportOfTheSameTextChangeNothing()
    {
        Assert.Empty(Changes());
        site.Content.Write(DjangoPath, site.Content.Read(DjangoPath));
        await site.Site.ImportAsync();
        await SettledAsync();

        Assert.Empty(Changes());
        var changes = await site.Site.GetDocumentAsync("/changes");
        Assert.NotNull(changes.QuerySelector(".no-changes"));
        var profile = await site.Site.GetDocumentAsync("/frameworks/django");
        Assert.Empty(profile.QuerySelectorAll("td .recent, td a.history"));
    }

    [Fact]
    public async Task APublishedNewValueIsOneChangeOnItsHistoryPageTheChangesPageTheFeedAndItsCell()
    {
        await PublishAsync(StarsBlock.Replace("86000", "91000").Replace("2025-04-02", "2025-09-30"));

        var change = Assert.Single(await EditorSite.EventuallyAsync(Changes, c => c.Count > 0, seconds: 60));
        Assert.Equal(("django", "github-stars", "86000", "91000", SiteFactory.Today), (change.FrameworkSlug, change.AttributeKey, change.Old.Value, change.New.Value, change.ChangedAt));

        var history = await site.Site.GetDocumentAsync("/facts/django/github-stars/history");
        var row = Assert.Single(history.QuerySelectorAll("table.fact-history tbody tr"));
        Assert.Equal("86,000 stars", row.QuerySelector("td.old .value")!.TextContent);
        Assert.Equal("91,000 stars", row.QuerySelector("td.new .value")!.TextContent);
        Assert.Contains("2 Apr 2025", row.TextContent);
        Assert.Equal("https://github.com/example/django", row.QuerySelector("td a[href]")!.GetAttribute("href"));
        var chart = history.QuerySelector("figure.trend svg[role=img]")!;
        Assert.Contains("From 86,000 stars on 2 Apr 2025 to 91,000 stars on 30 Sep 2025", chart.QuerySelector("desc")!.TextContent);
        Assert.Equal(2, chart.QuerySelectorAll("circle.point").Length);
        Assert.Equal(["86,000 stars", "91,000 stars"], history.QuerySelectorAll("table.trend-data tbody td:last-child").Select(td => td.TextContent));

        var list = await site.Site.GetDocumentAsync("/changes");
        var item = Assert.Single(list.QuerySelectorAll("ol.changes li"));
        Assert.Equal("Django: GitHub stars", item.QuerySelector("h2 a")!.TextContent);
        Assert.StartsWith("/facts/django/github-stars/history#change-", item.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains("86,000 stars", item.QuerySelector(".old-value")!.TextContent);

        var feed = XDocument.Parse(await site.Site.CreateReader().GetStringAsync("/changes/feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
        Assert.Equal("Django: GitHub stars changed", entry.Element(atom + "title")!.Value);
        Assert.StartsWith("86,000 stars (source https://github.com/example/django) → 91,000 stars", entry.Element(atom + "summary")!.Value);
        Assert.Single(XDocument.Parse(await site.Site.CreateReader().GetStringAsync("/changes/django/feed.xml")).Root!.Elements(atom + "entry"));
        Assert.Empty(XDocument.Parse(await site.Site.CreateReader().GetStringAsync("/changes/flask/feed.xml")).Root!.Elements(atom + "entry"));

        var compare = await site.Site.GetDocumentAsync("/compare/django-vs-flask");
        var cells = compare.QuerySelectorAll("tr#github-stars td");
        Assert.Equal("Changed recently", cells[0].QuerySelector(".recent")!.TextContent);
        Assert.Equal("/facts/django/github-stars/history", cells[0].QuerySelector("a.history")!.GetAttribute("href"));
        Assert.Null(cells[1].QuerySelector(".recent, a.history"));
        Assert.Null(compare.QuerySelector("tr#orm td .recent"));
    }

    [Fact]
    public async Task ANewCheckedDateAloneIsNoChangeButANewSourceIs()
    {
        await PublishAsync(StarsBlock.Replace("2025-04-02", "2025-09-30"));
        await SettledAsync();
        Assert.Empty(Changes());

        await PublishAsync(StarsBlock.Replace("2025-04-02", "2025-09-30").Replace("https://github.com/example/django", "https://pypi.org/project/Django/"), from: StarsBlock.Replace("2025-04-02", "2025-09-30"));

        var change = Assert.Single(await EditorSite.EventuallyAsync(Changes, c => c.Count > 0, seconds: 60));
        Assert.Equal(("86000", "https://github.com/example/django", "86000", "https://pypi.org/project/Django/"),
            (change.Old.Value, change.Old.SourceUrl, change.New.Value, change.New.SourceUrl));
        var history = await site.Site.GetDocumentAsync("/facts/django/github-stars/history");
        Assert.Contains("new source", history.QuerySelector("table.fact-history td.new")!.TextContent);
        // The same figure checked on the same day is one point: no trend to draw.
        Assert.Null(history.QuerySelector("figure.trend"));
    }

    [Fact]
    public async Task RebuildingTheDerivedChangesGivesTheSameRows()
    {
        await PublishAsync(StarsBlock.Replace("86000", "91000"));
        var before = await EditorSite.EventuallyAsync(Changes, c => c.Count > 0, seconds: 60);

        // The derived rows and the mark of the commit they were derived up to: without the mark, all is derived again.
        site.Site.Query(db => db.FactChanges.ExecuteDelete() + db.FactHistoryMarks.ExecuteDelete());
        await SettledAsync();

        Assert.Equal(before.Select(Row), Changes().Select(Row));
        static string Row(FactChange c) => $"{c.FrameworkSlug} {c.AttributeKey} {c.Old.Value} {c.New.Value} {c.Old.SourceUrl} {c.New.SourceUrl} {c.ChangedAt:O}";
    }

    [Fact]
    public async Task AFactWithoutChangesHasAHistoryPageSayingSo()
    {
        var history = await site.Site.GetDocumentAsync("/facts/flask/orm/history");
        Assert.NotNull(history.QuerySelector(".no-changes"));
        Assert.Equal("No", history.QuerySelector(".value")!.TextContent);
    }

    [Theory]
    [InlineData("/changes?framework=nope", 404)]
    [InlineData("/changes?framework=DJANGO", 302)]
    [InlineData("/changes/nope", 404)]
    [InlineData("/changes/nope/feed.xml", 404)]
    [InlineData("/changes/%2e%2e%2fetc", 404)]
    [InlineData("/changes?framework=%3Cscript%3E", 404)]
    [InlineData("/changes?framework=%00", 404)]
    [InlineData("/changes?framework=django&framework=flask", 302)]
    [InlineData("/facts/django/nope/history", 404)]
    [InlineData("/facts/nope/orm/history", 404)]
    [InlineData("/facts/django/orm/history?x=%FF%FE", 200)]
    [InlineData("/changes?framework=", 200)]
    public async Task OddAddressesGetAClearAnswerNeverAnError(string url, int status)
    {
        var response = await site.Site.CreateReader().GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        if (status == 302) Assert.Equal("/changes/django", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AVeryLongFrameworkNameIsNotFound()
    {
        var response = await site.Site.CreateReader().GetAsync("/changes?framework=" + new string('a', 5000));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    List<FactChange> Changes() => site.Site.Query(db => db.FactChanges.OrderBy(c => c.Id).ToList());

    /// <summary>Derives the history from the revisions recorded so far (a publish records its own before it answers).</summary>
    Task SettledAsync() => site.Site.Services.GetRequiredService<FactHistoryBuilder>().UpdateAsync(null, CancellationToken.None);

    async Task PublishAsync(string block, string from = StarsBlock)
    {
        var text = site.Content.Read(DjangoPath);
        Assert.Contains(from, text);
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync(DjangoPath, text.Replace(from, block))).StatusCode);
    }
}
