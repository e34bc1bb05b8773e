using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Accounts;

namespace FrameworkCompare.Tests.Security;

/// <summary>The small findings: status codes from the route only, return URLs, the host the site names, costly pages.</summary>
public sealed class HygieneTests
{
    [Theory]
    [InlineData("200")]
    [InlineData("500")]
    [InlineData("302")]
    public async Task APostedCodeFieldDoesNotSetTheErrorPageStatus(string code)
    {
        await using var site = new SiteFactory();
        var response = await site.CreateBrowserLikeClient().PostAsync("/no-such-page", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/é")]
    [InlineData("/editor/drafts?q=ü")]
    [InlineData("/中文/页面")]
    [InlineData("/a b")]
    [InlineData("/%")]
    [InlineData("/\u0001x")]
    [InlineData("/x\u0000")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("http://evil.example")]
    [InlineData("~/x")]
    [InlineData("\uD800")]
    public async Task AnyReturnUrlAnswersALocalRedirect(string returnUrl)
    {
        await using var site = new SiteFactory();
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        await site.CreateAccountAsync(email, Roles.Editor);
        var response = await site.CreateBrowserLikeClient().PostFormAsync("/account/login",
            new() { ["Email"] = email, ["Password"] = TestAccounts.Password, ["ReturnUrl"] = returnUrl }, formPage: "/account/login");
        // A NUL in a form value makes the form unreadable: the anti-forgery check refuses it with 400.
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        if (response.StatusCode != HttpStatusCode.Redirect) return;
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/", location);
        Assert.False(location.StartsWith("//") || location.StartsWith("/\\"), location);
    }

    [Fact]
    public async Task AHostOutsideAllowedHostsIsRefused()
    {
        await using var site = new SiteFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await site.CreateReader().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task WithAPublicUrlEveryAbsoluteLinkNamesIt()
    {
        await using var site = new SiteFactory(settings: new Dictionary<string, string> { ["Site:PublicUrl"] = "https://frameworks.example", ["AllowedHosts"] = "*" });
        foreach (var host in new[] { "localhost", "other.example" })
        {
            var client = site.CreateReader();
            client.DefaultRequestHeaders.Host = host;
            var home = await Html.ParseAsync(await client.GetAsync("/"));
            Assert.StartsWith("https://frameworks.example/", home.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            var jsonLd = string.Concat(home.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent));
            Assert.DoesNotContain(host, jsonLd);
            foreach (var url in new[] { "/sitemap.xml", "/feed.xml" })
            {
                var xml = await client.GetStringAsync(url);
                Assert.Contains("https://frameworks.example/", xml);
                Assert.DoesNotContain("//" + host, xml);
            }
        }
    }

    [Theory]
    [InlineData("frameworks.example")]
    [InlineData("ftp://frameworks.example")]
    [InlineData("https://frameworks.example/sub/")]
    [InlineData("https://user:secret@frameworks.example")]
    public async Task APublicUrlTheSiteCannotUseStopsStartUpWithItsName(string url)
    {
        await using var site = new SiteFactory(settings: new Dictionary<string, string> { ["Site:PublicUrl"] = url });
        var failure = Assert.ThrowsAny<Exception>(() => site.CreateClient());
        Assert.Contains("Site:PublicUrl", failure.ToString());
    }

    [Theory]
    [InlineData("MaxDepth")]
    [InlineData("MaxMarkdownBytes")]
    public async Task AParseLimitOfZeroStopsStartUpWithItsName(string limit)
    {
        await using var site = new SiteFactory(settings: new Dictionary<string, string> { ["Content:Limits:" + limit] = "0" });
        var failure = Assert.ThrowsAny<Exception>(() => site.CreateClient());
        Assert.Contains("Content:Limits", failure.ToString());
    }

    [Fact]
    public async Task WithoutAPublicUrlTheRequestedLocalHostIsNamed()
    {
        await using var site = new SiteFactory();
        var home = await Html.ParseAsync(await site.CreateReader().GetAsync("/"));
        Assert.StartsWith("http://localhost/", home.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/content-status")]
    [InlineData("/compare/django-vs-flask?verdict=1")]
    public async Task CostlyUncachedPagesAreRateLimitedPerClient(string url)
    {
        await using var site = new SiteFactory(settings: new Dictionary<string, string> { ["RateLimits:CostlyPagePermitLimit"] = "3" });
        var client = site.CreateReader();
        for (var i = 0; i < 3; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync(url)).StatusCode);
        var refused = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/")).StatusCode);
    }
}
