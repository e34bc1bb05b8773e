using FrameworkCompare.Web.ReadModel;
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
        public static readonly DateTimeOffset ReviewDay = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

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

    /// <remarks>
    /// Release facts go stale after two months. Those of npm and NuGet packages can be re-read live at every review, so
    /// none may be stale; other registries do not answer from where the content is checked, so their releases are
    /// dated by the repository copy read and may age into the stale queue, shown to readers as possibly out of date.
    /// Everything else together stays at most a tenth stale.
    /// </remarks>
    [Fact]
    public void FewDatedValuesAreStaleOnTheReviewDayAndNoLiveRegistryRelease()
    {
        var clock = reviewDay.Services.GetRequiredService<TimeProvider>();
        Assert.Equal(ReviewDaySite.ReviewDay, clock.GetUtcNow());
        var staleness = Staleness.At(clock.GetUtcNow(), reviewDay.Services.GetRequiredService<IOptions<ContentOptions>>().Value.StaleAfterMonths);
        var attributes = reviewDay.Query(db => db.Attributes.ToDictionary(a => a.Key));
        var liveRegistry = reviewDay.Query(db => db.Frameworks.ToList())
            .Where(f => f.Package is { } p && (p.StartsWith("npm:") || p.StartsWith("nuget:"))).Select(f => f.Slug).ToHashSet();
        // Every cell with a checked date counts, explicit unknowns that carry one included.
        var dated = reviewDay.Query(db => db.FactValues.Where(v => v.Checked != null).ToList());
        var stale = dated.Where(v => staleness.IsStale(v, attributes[v.AttributeKey])).ToList();
        Assert.NotEmpty(dated);
        string List(IEnumerable<FactValue> values) => string.Join("\n", values.OrderBy(v => v.FrameworkSlug).ThenBy(v => v.AttributeKey)
            .Select(v => $"  {v.FrameworkSlug}/{v.AttributeKey} checked {v.Checked:yyyy-MM-dd}, stale before {staleness.CheckedBefore(attributes[v.AttributeKey]):yyyy-MM-dd}"));

        var liveReleases = stale.Where(v => liveRegistry.Contains(v.FrameworkSlug) && v.AttributeKey is "latest-stable-version" or "latest-release-date").ToList();
        Assert.True(liveReleases.Count == 0, "Release facts a live registry could confirm are stale:\n" + List(liveReleases));
        var share = (double)stale.Count / dated.Count;
        Assert.True(share <= 0.10, $"{stale.Count} of {dated.Count} dated values ({share:P1}) are stale on {staleness.Today:yyyy-MM-dd}:\n" + List(stale));
    }

    /// <summary>
    /// A comparison page arrives in the first round trip of a new connection (ten TCP segments, about 14,600 bytes):
    /// measured on the review day, so "changed recently" and "possibly out of date" marks do not drift with the clock.
    /// bench/run measures the same figure on the Release build.
    /// </summary>
    [Theory]
    [InlineData("/compare/django-vs-flask")]
    [InlineData("/compare/django-vs-fastapi")]
    [InlineData("/compare/express-vs-fastify")]
    public async Task AComparisonPageFitsTheFirstRoundTrip(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("br"));
        var response = await reviewDay.CreateReader().SendAsync(request);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(bytes <= 14_600, $"{path} is {bytes} bytes of Brotli, over 14,600");
    }

    /// <summary>
    /// A comparison's JSON-LD is its breadcrumbs: FAQ answers are marked up on their own pages, not again in text the
    /// comparison already carries as HTML or only links to.
    /// </summary>
    [Fact]
    public async Task AComparisonsStructuredDataRepeatsNoFaqAnswer()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        Assert.NotEmpty(page.QuerySelectorAll("details.faq"));
        Assert.Equal(["BreadcrumbList"], page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => System.Text.Json.JsonDocument.Parse(s.TextContent).RootElement.GetProperty("@type").GetString()));
    }

    [Fact]
    public void ShipsTwentyFrameworksInAtLeastSixLanguages()
    {
        var frameworks = site.Query(db => db.Frameworks.Select(f => new { f.Slug, f.Language }).ToList());
        Assert.True(frameworks.Count >= 20, $"{frameworks.Count} frameworks");
        Assert.Superset(new HashSet<string>
        {
            "django", "flask", "fastapi", "pyramid", "tornado", "bottle", "litestar", "express",
            "rails", "laravel", "symfony", "spring-boot", "aspnet-core", "nestjs", "fastify", "nextjs", "koa", "phoenix", "gin", "axum",
        }, frameworks.Select(f => f.Slug).ToHashSet());
        Assert.True(frameworks.Select(f => f.Language).Distinct().Count() >= 6, string.Join(", ", frameworks.Select(f => f.Language).Distinct()));
    }

    [Fact]
    public void CatalogHasAtLeast50AttributesInAtLeast6Categories()
    {
        var attributes = site.Query(db => db.Attributes.ToList());
        Assert.True(attributes.Count >= 50, $"{attributes.Count} attributes");
        Assert.Contains(attributes, a => a.Key == "latest-release-date" && a.Type == AttributeType.Date);
        Assert.Contains(attributes, a => a.Key == "support-policy");
        Assert.True(attributes.Select(a => a.CategoryKey).Distinct().Count() >= 6);
        Assert.Contains(attributes, a => a.CategoryKey == Catalog.UseCasesCategory);
    }

    [Fact]
    public void EveryCellIsSourcedOrExplicitlyUnknown()
    {
        var attributes = site.Query(db => db.Attributes.Count());
        var frameworks = site.Query(db => db.Frameworks.Count());
        var values = site.Query(db => db.FactValues.ToList());
        // One cell per framework and attribute, none left "not recorded".
        Assert.Equal(attributes * frameworks, values.Count);
        var unsourced = values.Where(v => v.IsUnknown
                ? string.IsNullOrWhiteSpace(v.UnknownReason)
                : !(Uri.TryCreate(v.SourceUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps) || v.Checked is null)
            .Select(v => $"{v.FrameworkSlug}/{v.AttributeKey}").ToList();
        Assert.True(unsourced.Count == 0, "Neither sourced nor explicitly unknown:\n" + string.Join("\n", unsourced));
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
    public void ShipsTheEightArticles()
    {
        var articles = site.Query(db => db.Articles.ToList());
        Assert.True(articles.Count >= 8, $"{articles.Count} articles");
        var flagship = Assert.Single(articles, a => a.Frameworks.Order().SequenceEqual(["django", "flask"]));
        Assert.True(flagship.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= 2500);
        Assert.Contains(articles, a => a.Frameworks.Order().SequenceEqual(["django", "fastapi"]));
        Assert.Contains(articles, a => a.Frameworks.Order().SequenceEqual(["fastapi", "flask"]));
        Assert.Contains(articles, a => a.Frameworks.Count >= 5);
        // The comparisons across languages, each long-form.
        string[][] across = [["django", "laravel", "rails"], ["express", "fastify", "nestjs"], ["express", "fastapi"], ["aspnet-core", "spring-boot"]];
        foreach (var set in across)
        {
            var article = Assert.Single(articles, a => a.Frameworks.Order(StringComparer.Ordinal).SequenceEqual(set));
            Assert.True(article.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= 1500, $"{article.Slug} is short");
        }
    }

    [Fact]
    public void ShipsAtLeastFortyNineFaqAnswers()
    {
        var faq = site.Query(db => db.FaqEntries.ToList());
        Assert.True(faq.Count >= 49, $"{faq.Count} FAQ answers");
        foreach (var slug in new[] { "rails", "laravel", "symfony", "spring-boot", "aspnet-core", "nestjs", "nextjs", "phoenix", "gin", "axum" })
            Assert.Contains(faq, q => q.Frameworks.Contains(slug));
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
    [InlineData("techempower")]
    [InlineData("long-term support")]
    [InlineData("small team")]
    [InlineData("enterprise")]
    [InlineData("phoenix")]
    public void FaqAnswersEveryReaderQuestion(string topic)
    {
        var questions = site.Query(db => db.FaqEntries.Select(q => q.Question).ToList());
        Assert.True(questions.Count >= 20);
        Assert.Contains(questions, q => q.Contains(topic, StringComparison.OrdinalIgnoreCase)
            || (topic == "express" && q.Contains("Node.js", StringComparison.OrdinalIgnoreCase)));
    }
}
