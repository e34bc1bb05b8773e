using FrameworkCompare.Web.Services;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// Output-cache policies for the public pages. Each page is tagged with the kinds of content it shows,
/// and an import evicts the tags of the kinds it changed: a new FAQ answer leaves article pages cached.
/// </summary>
public static class PageCache
{
    public const string Frameworks = ContentTags.Frameworks, Articles = ContentTags.Articles, Faq = ContentTags.Faq, Authors = ContentTags.Authors;

    public const string Home = "home", FrameworkList = "framework-list", Profile = "profile", Picker = "picker",
        Comparison = "comparison", ArticleList = "article-list", Article = "article", FaqList = "faq-list",
        FaqAnswer = "faq-answer", SiteMap = "sitemap", Feed = "feed", Robots = "robots", Embed = "embed", Badge = "badge",
        Changes = "changes", AuthorList = "author-list", AuthorPage = "author-page",
        ApiFrameworks = "api-frameworks", ApiComparison = "api-comparison", ApiFaq = "api-faq", ApiArticles = "api-articles", ApiDocument = "api-document",
        Methodology = "methodology", AttributeList = "attribute-list", AttributePage = "attribute-page";

    // Policy name, the content kinds the page shows, and the query keys that change what it shows.
    static readonly (string Name, string[] Tags, string[] Query)[] Policies =
    [
        (Home, [Frameworks], []),
        (FrameworkList, [Frameworks], ["sort", "dir", "language", "kind"]),
        (Profile, [Frameworks, Articles, Faq], []),
        (Picker, [Frameworks], ["f"]),
        (Comparison, [Frameworks, Articles, Faq], ["only", "format"]),
        (ArticleList, [Articles, Authors], []),
        (Article, [Articles, Frameworks, Authors], []),
        (FaqList, [Faq], []),
        (FaqAnswer, [Faq, Frameworks], []),
        (SiteMap, [Frameworks, Articles, Faq, Authors], []),
        (Feed, [Articles, Authors], []),
        (Robots, [], []),
        (Embed, [Frameworks], ["rows"]),
        (Badge, [Frameworks], []),
        (Changes, [Frameworks], []),
        (AuthorList, [Authors], []),
        (AuthorPage, [Authors, Articles], []),
        (ApiFrameworks, [Frameworks], []),
        (ApiComparison, [Frameworks], ["frameworks"]),
        (ApiFaq, [Faq], []),
        (ApiArticles, [Articles, Authors], []),
        (ApiDocument, [], []),
        // Shows the scoring rules, which change with the frameworks tag (see TagsChangedBy).
        (Methodology, [Frameworks], []),
        (AttributeList, [Frameworks], []),
        (AttributePage, [Frameworks], ["sort", "format"]),
    ];

    public static void AddPageCaching(this IServiceCollection services)
    {
        services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section);
        services.AddSingleton<ContentVersions>();
        services.AddSnapshotSubscriber<ShortPathStore>();
        services.AddSnapshotSubscriber<EvictOutputCache>();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<PageCompression.Brotli>();
            options.Providers.Add<PageCompression.Gzip>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/atom+xml", "text/csv"];
        });
        services.AddHttpContextAccessor();
        services.AddOutputCache();
        services.AddSiteUrl();
        services.AddOptions<OutputCacheOptions>().Configure<Microsoft.Extensions.Options.IOptions<PageCacheOptions>, Microsoft.Extensions.Options.IOptions<SiteUrlOptions>>((options, page, site) =>
        {
            var varyByHost = site.Value.PublicRoot is null;
            options.SizeLimit = page.Value.OutputCacheSizeMb * 1024L * 1024;
            // /compare/Django-VS-Flask redirects to the lower-case page; it must not be answered from that page's entry.
            options.UseCaseSensitivePaths = true;
            foreach (var (name, tags, query) in Policies)
                options.AddPolicy(name, b =>
                {
                    // Canonical links, the sitemap and the feed name the host the page was asked for, unless Site:PublicUrl names one.
                    b.SetVaryByQuery(query).SetVaryByHost(varyByHost).Expire(TimeSpan.FromHours(1)).VaryByValue(Encoding).VaryByValue(Negotiated);
                    // A verdict is one reader's weights: rendered each time, so no query string can crowd pages out of the cache.
                    if (name == Comparison) b.With(c => !Services.VerdictQuery.IsRequested(c.HttpContext.Request.Query));
                    if (tags.Length == 0) return;
                    // A page rendered from content read before an import must not be found after it, even if it is
                    // stored after the import's eviction: keying by version makes such late entries unreachable.
                    b.Tag(tags).VaryByValue(http => new("v", http.RequestServices.GetRequiredService<ContentVersions>()
                        .Of(http.RequestServices.GetRequiredService<SiteSnapshot>(), tags)));
                });
        });
    }

    /// <summary>Output cache (unless switched off) outside compression, so the cache keeps compressed bytes; ETags inside.</summary>
    public static void UsePageCaching(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PageCacheOptions>>().Value.OutputCache)
            app.UseOutputCache();
        app.UseResponseCompression();
        app.UseMiddleware<ETagMiddleware>();
    }

    /// <summary>The encoding the compression middleware will pick, so each representation is cached apart.</summary>
    internal static KeyValuePair<string, string> Encoding(HttpContext http)
    {
        var compression = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        var encoding = compression.CheckRequestAcceptsCompression(http) ? compression.GetCompressionProvider(http)?.EncodingName : null;
        return new("enc", encoding ?? "identity");
    }

    /// <summary>
    /// Whether the request named encodings at all: compression then adds Vary even to an identity answer, so the identity page is
    /// kept with Vary and without, and each request gets the one it would get rendered, whichever came first.
    /// </summary>
    internal static KeyValuePair<string, string> Negotiated(HttpContext http) =>
        new("ae", http.RequestServices.GetRequiredService<IResponseCompressionProvider>().CheckRequestAcceptsCompression(http) ? "1" : "0");

    /// <summary>A new version evicts the pages of the tags it changed (their keys carry the old version, so none would be found anyway).</summary>
    sealed class EvictOutputCache(IOutputCacheStore store) : ISnapshotSubscriber
    {
        public async ValueTask ApplyAsync(SnapshotChange change, CancellationToken ct)
        {
            foreach (var tag in change.ChangedTags) await store.EvictByTagAsync(tag, ct);
        }
    }
}
