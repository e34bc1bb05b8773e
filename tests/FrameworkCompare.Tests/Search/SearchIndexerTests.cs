using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;
using FrameworkCompare.Web.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace FrameworkCompare.Tests.Search;

/// <summary>Search indexes are built one at a time, each from the last one, and a snapshot superseded while it waits is not built.</summary>
public sealed class SearchIndexerTests
{
    static SiteSnapshot Site(long version) => new()
    {
        Version = version, TagVersions = new Dictionary<string, long>(), BuiltAt = default, BuildTime = default,
        Catalog = new Catalog([], []), Frameworks = [], FrameworkBySlug = new Dictionary<string, Framework>(), Summaries = [],
        Faq = [], FaqBySlug = new Dictionary<string, FaqEntry>(), ArticleHeaders = [], ArticleBySlug = new Dictionary<string, Article>(),
        Authors = [], Scoring = null, Marks = FactMarks.None, Retired = new Dictionary<(ContentKind, string), RetiredPage>(),
        Search = Task.FromResult<SearchSnapshot>(null!), StaleAfterMonths = 18, DateSteps = [],
    };

    static SearchSnapshot Index() => new(new IndexBuilder(SearchVocabulary.Shipped()).Build(), [], SearchVocabulary.Shipped(), [], []);

    [Fact]
    public async Task ASnapshotSupersededWhileABuildRunsIsSkippedAndGetsTheNewerIndex()
    {
        var builds = new List<(long Version, SearchSnapshot? Basis)>();
        var release = new TaskCompletionSource();
        var indexes = new Dictionary<long, SearchSnapshot>();
        var indexer = new SearchIndexer(async (site, basis) =>
        {
            lock (builds) builds.Add((site.Version, basis));
            if (site.Version == 1) await release.Task;
            return indexes[site.Version] = Index();
        }, NullLogger<SearchIndexer>.Instance);

        var first = indexer.IndexAsync(Site(1));
        while (builds.Count == 0) await Task.Delay(5);
        var second = indexer.IndexAsync(Site(2));
        var third = indexer.IndexAsync(Site(3));
        release.SetResult();

        Assert.Same(indexes[1], await first);
        Assert.Same(await third, await second);
        Assert.Equal([1L, 3L], builds.Select(b => b.Version));
        // The newest is built from the last one built.
        Assert.Same(indexes[1], builds[1].Basis);
        Assert.Same(indexes[3], await third);
        Assert.Equal((2, 1), indexer.Counts);
    }

    [Fact]
    public async Task AFailedBuildLeavesTheLastGoodIndexServed()
    {
        var indexer = new SearchIndexer((site, _) => site.Version == 2 ? throw new InvalidOperationException("broken") : Task.FromResult(Index()),
            NullLogger<SearchIndexer>.Instance);
        var good = await indexer.IndexAsync(Site(1));
        Assert.Same(good, await indexer.IndexAsync(Site(2)));
    }
}
