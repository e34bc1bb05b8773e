using FrameworkCompare.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.ReadModel;

/// <summary>Reader pages are built from the in-memory snapshot: rendered afresh, they send the database nothing.</summary>
public sealed class SnapshotPagesTests(SnapshotPagesTests.Site site) : IClassFixture<SnapshotPagesTests.Site>
{
    public sealed class Site() : SiteFactory(settings: new Dictionary<string, string> { ["Site:OutputCache"] = "false", ["Site:ShortPath"] = "false" })
    {
        public CommandCounter Commands { get; } = new();

        protected override void AddTestServices(IServiceCollection services) => Commands.Register(services);
    }

    async Task<IReadOnlyList<string>> StatementsOfAsync(string path)
    {
        site.Commands.Clear();
        var response = await site.CreateReader().GetAsync(path);
        Assert.True((int)response.StatusCode == 200, $"{path} answered {(int)response.StatusCode}");
        return site.Commands.Of(path);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/frameworks")]
    [InlineData("/frameworks/django")]
    [InlineData("/compare")]
    [InlineData("/compare/django-vs-flask")]
    [InlineData("/compare/django-vs-fastapi-vs-flask")]
    [InlineData("/compare/django-vs-flask?verdict=1&w-security=3")]
    [InlineData("/compare/django-vs-flask?format=json")]
    [InlineData("/faq")]
    [InlineData("/faq/is-django-still-relevant")]
    [InlineData("/articles")]
    [InlineData("/authors")]
    [InlineData("/authors/test-author")]
    [InlineData("/methodology")]
    [InlineData("/attributes")]
    [InlineData("/attributes/orm?sort=value")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feed.xml")]
    [InlineData("/search?q=django")]
    [InlineData("/api/v1/frameworks")]
    [InlineData("/api/v1/compare/django-vs-flask")]
    public async Task AnUncachedReaderPageSendsTheDatabaseNothing(string path)
    {
        var statements = await StatementsOfAsync(path);
        Assert.True(statements.Count == 0, $"{path} ran: {string.Join(" | ", statements)}");
    }

    [Fact]
    public async Task AnArticlePageReadsOnlyItsBody()
    {
        var statements = await StatementsOfAsync("/articles/django-vs-flask");
        Assert.True(statements.Count == 1, $"the article page ran: {string.Join(" | ", statements)}");
        Assert.Contains("\"Articles\"", statements[0]);
    }

    [Fact]
    public async Task TheCounterSeesAStatementWhenOneRuns()
    {
        // The form page reads the review queue's limits from the database: proof the counter is wired, so zeros above mean something.
        var statements = await StatementsOfAsync("/content-status");
        Assert.NotEmpty(statements);
    }
}
