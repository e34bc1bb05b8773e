using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Search;

namespace FrameworkCompare.Web.ReadModel;

/// <summary>
/// Everything reader pages show, as of one version of the read model. Built once by <see cref="SnapshotLoader"/>,
/// never changed afterwards (the entities it holds are not to be modified), and swapped whole by the
/// <see cref="ChangeListener"/>, so a page never mixes two versions.
/// </summary>
public sealed class SiteSnapshot
{
    /// <summary>The newest <see cref="ReadModelVersion"/> row it includes; 0 for a database without one.</summary>
    public required long Version { get; init; }
    /// <summary>Per cache tag, the version that last changed it: an FAQ-only change leaves the articles' entry alone.</summary>
    public required IReadOnlyDictionary<string, long> TagVersions { get; init; }
    public required DateTimeOffset BuiltAt { get; init; }
    public required TimeSpan BuildTime { get; init; }
    /// <summary>Built from the previous snapshot plus the files the version rows since it name, rather than read whole.</summary>
    public bool Incremental { get; init; }

    /// <summary>Categories by order; attributes by order, then key.</summary>
    public required Catalog Catalog { get; init; }
    /// <summary>By name, each with its facts and pros and cons.</summary>
    public required IReadOnlyList<Framework> Frameworks { get; init; }
    public required IReadOnlyDictionary<string, Framework> FrameworkBySlug { get; init; }
    public required IReadOnlyList<FrameworkSummary> Summaries { get; init; }
    /// <summary>By question.</summary>
    public required IReadOnlyList<FaqEntry> Faq { get; init; }
    public required IReadOnlyDictionary<string, FaqEntry> FaqBySlug { get; init; }
    /// <summary>Newest first, then by title. Bodies are left out (Html, Text and Toc are empty): an article page reads its own by key.</summary>
    public required IReadOnlyList<Article> ArticleHeaders { get; init; }
    public required IReadOnlyDictionary<string, Article> ArticleBySlug { get; init; }
    /// <summary>By name.</summary>
    public required IReadOnlyList<Author> Authors { get; init; }
    /// <summary>The verdict's rules; null when there never were good ones (then no verdict is offered).</summary>
    public required ScoringRules? Scoring { get; init; }
    public required FactMarks Marks { get; init; }
    public required IReadOnlyDictionary<(ContentKind Kind, string Slug), RetiredPage> Retired { get; init; }
    /// <summary>
    /// The search index of this version, built beside the served snapshot (with 10,000 articles it takes seconds that no
    /// other page needs to wait for); searches wait for it.
    /// </summary>
    public required Task<SearchSnapshot> Search { get; init; }
    /// <summary>The site-wide stale age the snapshot's date steps were computed with.</summary>
    public required int StaleAfterMonths { get; init; }
    /// <summary>The instants at which a fact turns possibly out of date or a "changed recently" mark ends, ascending.</summary>
    public required IReadOnlyList<DateTimeOffset> DateSteps { get; init; }

    /// <summary>How many date steps have passed at <paramref name="now"/>: part of the frameworks tag's cache key.</summary>
    public int DateStep(DateTimeOffset now)
    {
        var (lo, hi) = (0, DateSteps.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (DateSteps[mid] <= now) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
