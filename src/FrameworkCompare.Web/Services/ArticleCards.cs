using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Services;

public sealed record ArticleCard(string Slug, string Title, string Summary, List<string> Frameworks, List<string> Tags);

/// <summary>
/// Every article's title, summary, frameworks and tags, which each article page scores for related reading:
/// loaded once per import instead of once per page (with 10,000 articles that load was most of a page's time).
/// </summary>
public sealed class ArticleCards
{
    readonly IServiceScopeFactory scopes;
    long version;
    (long Version, Task<List<ArticleCard>> Cards)? loaded;

    public ArticleCards(IServiceScopeFactory scopes, ContentImporter importer)
    {
        this.scopes = scopes;
        importer.Imported += _ => Interlocked.Increment(ref version);
    }

    public Task<List<ArticleCard>> AllAsync()
    {
        var current = Interlocked.Read(ref version);
        var cached = loaded;
        if (cached is { } c && c.Version == current && !c.Cards.IsFaulted) return c.Cards;
        // Loaded under the version read before loading: an import that lands meanwhile makes the next caller reload.
        var cards = LoadAsync();
        loaded = (current, cards);
        return cards;
    }

    async Task<List<ArticleCard>> LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
        return await db.Articles.Select(a => new ArticleCard(a.Slug, a.Title, a.Summary, a.Frameworks, a.Tags)).ToListAsync();
    }
}
