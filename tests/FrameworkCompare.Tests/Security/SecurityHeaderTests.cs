using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Security;

public sealed class SecurityHeaderTests(SecurityHeaderTests.Site site) : IClassFixture<SecurityHeaderTests.Site>
{
    public sealed class Site : SiteFactory;

    [Theory]
    [InlineData("/")]
    [InlineData("/compare/django-vs-flask")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/compare/django-vs-flask?format=json")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url)
    {
        var response = await site.CreateReader().GetAsync(url);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("default-src 'none'", directives["default-src"]);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("style-src 'self'", directives["style-src"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'none'", directives["base-uri"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
    }

    [Fact]
    public async Task PagesHaveNoInlineScriptOrStyleForTheCspToBlock()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-fastapi-vs-flask");
        // Scripts are data (JSON-LD) or files of the site's own (the search box's suggestions), never inline code.
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.GetAttribute("type") == "application/ld+json"
            || (s.GetAttribute("src") is { } src && src.StartsWith('/') && !src.StartsWith("//") && s.TextContent.Trim().Length == 0), s.OuterHtml));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
    }
}

public sealed class RateLimitTests : IDisposable
{
    readonly SiteFactory site = new(settings: new Dictionary<string, string>
    {
        ["RateLimits:PermitLimit"] = "3",
        ["RateLimits:WindowSeconds"] = "60",
    });

    public void Dispose() => site.Dispose();

    [Theory]
    [InlineData("/search?q=django")]
    [InlineData("/compare/django-vs-flask?format=csv")]
    public async Task CostlyEndpointsAnswer429WithRetryAfterPastTheLimit(string url)
    {
        var client = site.CreateReader();
        for (var i = 0; i < 3; i++) Assert.Equal(200, (int)(await client.GetAsync(url)).StatusCode);
        var limited = await client.GetAsync(url);
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        var page = await Html.ParseAsync(limited);
        Assert.Equal("Too many requests", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task OrdinaryPagesAreNotLimited()
    {
        var client = site.CreateReader();
        for (var i = 0; i < 10; i++) Assert.Equal(200, (int)(await client.GetAsync("/compare/django-vs-flask")).StatusCode);
    }
}
