using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Tests;

/// <summary>The content the site ships: the counts and coverage the dataset promises, checked over the imported database.</summary>
public sealed class ShippedContentTests(ShippedContentTests.Site site, ShippedContentTests.ReviewDaySite reviewDay)
    : IClassFixture<ShippedContentTests.Site>, IClassFixture<ShippedContentTests.ReviewDaySite>
{
    public static string RepositoryContent
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FrameworkCompare.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("repository root"), "content");
        }
    }

    public sealed class Site : SiteFactory
    {
        public Site() : base(new TestContent(empty: true), settings: new Dictionary<string, string> { ["Content:Path"] = RepositoryContent }) { }

        // The shipped facts are dated up to today, so this site runs on the real clock.
        protected override TimeProvider Clock => TimeProvider.System;
    }

    /// <summary>The shipped content as the site shows it on the day of the last full review, so the stale share does not drift with the real date.</summary>
    public sealed class ReviewDaySite : SiteFactory
    {
        public static readonly DateTimeOffset ReviewDay = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        public ReviewDaySite() : base(new TestContent(empty: true), settings: new Dictionary<string, string> { ["Content:Path"] = RepositoryContent }) { }

        protected override TimeProvider Clock => new DayClock(ReviewDay);

        sealed class DayClock(DateTimeOffset now) : TimeProvider
        {
            public override DateTimeOffset GetUtcNow() => now;
        }
    }

    [Fact]
    public void ValidatePassesWithNoProblemsAtAll()
    {
        var output = new StringWriter();
        var exit = ValidateCommand.Run(RepositoryContent, output);
        Assert.True(exit == 0, output.ToString());
    }

    [Fact]
    public void AtMostFivePercentOfDatedValuesAreStaleOnTheReviewDay()
    {
        var clock = reviewDay.Services.GetRequiredService<TimeProvider>();
        Assert.Equal(ReviewDaySite.ReviewDay, clock.GetUtcNow());
        var staleness = Staleness.At(clock.GetUtcNow(), reviewDay.Services.GetRequiredService<IOptions<ContentOptions>>().Value.StaleAfterMonths);
        var attributes = reviewDay.Query(db => db.Attributes.ToDictionary(a => a.Key));
        // Every cell with a checked date counts, explicit unknowns that carry one included.
        var dated = reviewDay.Query(db => db.FactValues.Where(v => v.Checked != null).ToList());
        var stale = dated.Where(v => staleness.IsStale(v, attributes[v.AttributeKey])).ToList();
        Assert.NotEmpty(dated);
        var share = (double)stale.Count / dated.Count;
        Assert.True(share <= 0.05,
            $"{stale.Count} of {dated.Count} dated values ({share:P1}) are stale on {staleness.Today:yyyy-MM-dd}:\n"
            + string.Join("\n", stale.OrderBy(v => v.FrameworkSlug).ThenBy(v => v.AttributeKey)
                .Select(v => $"  {v.FrameworkSlug}/{v.AttributeKey} checked {v.Checked:yyyy-MM-dd}, stale before {staleness.CheckedBefore(attributes[v.AttributeKey]):yyyy-MM-dd}")));
    }

    [Fact]
    public void ShipsTheEightFrameworksReadersAskAbout()
    {
        var slugs = site.Query(db => db.Frameworks.Select(f => f.Slug).ToList());
        Assert.Superset(new HashSet<string> { "django", "flask", "fastapi", "pyramid", "tornado", "bottle", "litestar", "express" }, slugs.ToHashSet());
    }

    [Fact]
    public void CatalogHas43AttributesInAtLeast6Categories()
    {
        var attributes = site.Query(db => db.Attributes.ToList());
        Assert.Equal(43, attributes.Count);
        Assert.Contains(attributes, a => a.Key == "latest-release-date" && a.Type == AttributeType.Date);
        Assert.Contains(attributes, a => a.Key == "support-policy");
        Assert.True(attributes.Select(a => a.CategoryKey).Distinct().Count() >= 6);
        Assert.Contains(attributes, a => a.CategoryKey == Catalog.UseCasesCategory);
    }

    [Fact]
    public void EveryFrameworkHasAValueOrAnExplicitUnknownForEveryAttribute()
    {
        var attributes = site.Query(db => db.Attributes.Select(a => a.Key).ToList());
        var frameworks = site.Query(db => db.Frameworks.Include(f => f.Values).ToList());
        foreach (var framework in frameworks)
        {
            Assert.Equal(attributes.Order(), framework.Values.Select(v => v.AttributeKey).Order());
            Assert.All(framework.Values.Where(v => v.IsUnknown), v => Assert.False(string.IsNullOrWhiteSpace(v.UnknownReason)));
        }
    }

    [Fact]
    public void EveryKnownValueHasAnHttpSourceAndAnHonestCheckedDate()
    {
        var values = site.Query(db => db.FactValues.Where(v => v.UnknownReason == null).ToList());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(values, v =>
        {
            Assert.StartsWith("https://", v.SourceUrl);
            Assert.NotNull(v.Checked);
            Assert.True(v.Checked <= today, $"{v.FrameworkSlug}/{v.AttributeKey} checked in the future");
        });
        // Honest dates come from sources, so they vary; a dataset stamped with one day was not checked.
        Assert.True(values.Select(v => v.Checked).Distinct().Count() >= 5);
    }

    [Fact]
    public async Task EveryFrameworkHasFiveProsFiveConsAndAHelloWorld()
    {
        var frameworks = site.Query(db => db.Frameworks.Include(f => f.Points).ToList());
        Assert.All(frameworks, f =>
        {
            Assert.True(f.Points.Count(p => p.IsPro) >= 5, $"{f.Slug} pros");
            Assert.True(f.Points.Count(p => !p.IsPro) >= 5, $"{f.Slug} cons");
            Assert.NotEmpty(f.ChooseWhen);
        });
        foreach (var f in frameworks)
        {
            var page = await site.GetDocumentAsync($"/frameworks/{f.Slug}");
            Assert.NotNull(page.QuerySelector(".prose pre[data-lang] code"));
        }
    }

    [Fact]
    public void ShipsTheFourArticles()
    {
        var articles = site.Query(db => db.Articles.ToList());
        Assert.True(articles.Count >= 4);
        var flagship = Assert.Single(articles, a => a.Frameworks.Order().SequenceEqual(["django", "flask"]));
        Assert.True(flagship.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= 2500);
        Assert.Contains(articles, a => a.Frameworks.Order().SequenceEqual(["django", "fastapi"]));
        Assert.Contains(articles, a => a.Frameworks.Order().SequenceEqual(["fastapi", "flask"]));
        Assert.Contains(articles, a => a.Frameworks.Count >= 5);
    }

    [Theory]
    [InlineData("easier")]
    [InlineData("learn")]
    [InlineData("beginners")]
    [InlineData("job")]
    [InlineData("rest api")]
    [InlineData("machine learning")]
    [InlineData("microservices")]
    [InlineData("still relevant")]
    [InlineData("sql server")]
    [InlineData("database")]
    [InlineData("frontend")]
    [InlineData("html")]
    [InlineData("together")]
    [InlineData("fastapi")]
    [InlineData("express")]
    [InlineData("react")]
    [InlineData("mvc")]
    [InlineData("multi-page")]
    [InlineData("regex")]
    public void FaqAnswersEveryReaderQuestion(string topic)
    {
        var questions = site.Query(db => db.FaqEntries.Select(q => q.Question).ToList());
        Assert.True(questions.Count >= 20);
        Assert.Contains(questions, q => q.Contains(topic, StringComparison.OrdinalIgnoreCase)
            || (topic == "express" && q.Contains("Node.js", StringComparison.OrdinalIgnoreCase)));
    }
}
