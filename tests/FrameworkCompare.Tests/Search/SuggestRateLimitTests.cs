using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Search;

/// <summary>Suggestions are rate-limited like search, in a window of their own, so typing does not use up a reader's searches.</summary>
public sealed class SuggestRateLimitTests : IDisposable
{
    readonly SiteFactory site = new(settings: new Dictionary<string, string>
    {
        ["RateLimits:PermitLimit"] = "3",
        ["RateLimits:WindowSeconds"] = "60",
    });

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task SuggestionsPastTheLimitAnswer429AndSearchStillAnswers()
    {
        var client = site.CreateReader();
        for (var i = 0; i < 3; i++) Assert.Equal(200, (int)(await client.GetAsync($"/search/suggest?q=dj{i}")).StatusCode);
        var limited = await client.GetAsync("/search/suggest?q=dja");
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Equal(200, (int)(await client.GetAsync("/search?q=django")).StatusCode);
    }
}
