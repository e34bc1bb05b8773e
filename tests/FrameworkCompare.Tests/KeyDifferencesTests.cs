using System.Text.Json;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests;

/// <summary>A comparison opens with the scored facts that tell its frameworks apart, and says how fresh its facts are.</summary>
public sealed class KeyDifferencesTests
{
    /// <summary>The test content's facts are checked on 2 April 2025; on 1 October 2025 all of them are within the last year.</summary>
    sealed class DatedSite() : SiteFactory(Scored())
    {
        static TestContent Scored()
        {
            var content = new TestContent();
            content.Write("scoring.yml", Verdict.VerdictContent.Scoring);
            return content;
        }

        public MovableClock Time { get; } = new(new DateTimeOffset(2025, 10, 1, 12, 0, 0, TimeSpan.Zero));
        protected override TimeProvider Clock => Time;
    }

    static string Text(AngleSharp.Dom.IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task TheWidestScoredGapComesFirstAndUnscoredOrEqualRowsAreLeftOut()
    {
        using var site = new DatedSite();
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        var items = page.QuerySelectorAll("section.key-differences li");
        // A yes against a no is a whole point apart; 86,000 against 70,000 stars about a fifth. License and first
        // release are not scored, the use case is unknown for both, and both list the same databases.
        Assert.Equal(["Built-in ORM: Django yes · Flask no", "GitHub stars: Django 86,000 stars · Flask 70,000 stars"], items.Select(Text));
        Assert.Equal(["#orm", "#github-stars"], items.Select(li => li.QuerySelector("a")!.GetAttribute("href")));
        // Each link reaches its row on the same page.
        Assert.All(items, li => Assert.NotNull(page.GetElementById(li.QuerySelector("a")!.GetAttribute("href")![1..])));
        Assert.Same(page.QuerySelector("main section.key-differences"), page.QuerySelector("main h1")!.NextElementSibling!.NextElementSibling);
    }

    [Fact]
    public async Task TheFreshnessLineCountsFactsAndChangesOnTheDayAFactTurnsAYearOldWithNoImport()
    {
        using var site = new DatedSite();
        var client = site.CreateReader();
        var before = await client.GetAsync("/compare/django-vs-flask");
        var beforePage = await Html.ParseAsync(before);
        // Six facts each (the use case as an explicit unknown), all checked on 2 April 2025.
        Assert.Equal("12 facts: 10 checked in the last 12 months, 0 possibly out of date, 2 unknown.", Text(beforePage.QuerySelector(".freshness")!));

        site.Time.Now = new DateTimeOffset(2026, 4, 3, 0, 0, 0, TimeSpan.Zero);
        var after = await client.GetAsync("/compare/django-vs-flask");
        Assert.Equal("12 facts: 0 checked in the last 12 months, 0 possibly out of date, 2 unknown.", Text((await Html.ParseAsync(after)).QuerySelector(".freshness")!));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task TheApiAnswersWithTheSameDifferencesAndFreshness()
    {
        using var site = new DatedSite();
        var json = JsonDocument.Parse(await site.CreateReader().GetStringAsync("/api/v1/compare/django-vs-flask")).RootElement.GetProperty("comparison");
        var differences = json.GetProperty("keyDifferences").EnumerateArray().ToList();
        Assert.Equal(["orm", "github-stars"], differences.Select(d => d.GetProperty("attribute").GetString()));
        Assert.Equal(["django:yes", "flask:no"], differences[0].GetProperty("values").EnumerateArray().Select(v => $"{v.GetProperty("framework").GetString()}:{v.GetProperty("text").GetString()}"));
        var freshness = json.GetProperty("freshness");
        Assert.Equal((12, 10, 0, 2), (freshness.GetProperty("facts").GetInt32(), freshness.GetProperty("checkedLastYear").GetInt32(),
            freshness.GetProperty("possiblyStale").GetInt32(), freshness.GetProperty("unknown").GetInt32()));
    }

    [Fact]
    public async Task WithoutScoringRulesThePageClaimsNoDifferencesButStillSaysHowFreshItIs()
    {
        using var site = new SiteFactory();
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        Assert.Empty(page.QuerySelectorAll("section.key-differences li"));
        Assert.DoesNotContain("tells them apart", Text(page.QuerySelector("section.key-differences")!));
        Assert.NotNull(page.QuerySelector("section.key-differences .freshness"));
    }
}
