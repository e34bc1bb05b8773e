using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FrameworkCompare.Tests.Accounts;

/// <summary>Sign-in cookies are Secure: over plain http the workspace says so, except in Development on a developer's machine.</summary>
public sealed class PlainHttpTests
{
    [Fact]
    public async Task OutsideDevelopmentPlainHttpGetsAClearRefusalNotAnError()
    {
        using var site = new SiteFactory();

        var response = await site.CreateReader().GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("need HTTPS", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await site.CreateReader().GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task OutsideDevelopmentReaderFormsSayTheyNeedHttpsAndPostsAreRefusedNot500()
    {
        using var site = new SiteFactory();
        var reader = site.CreateReader();

        var page = await site.GetDocumentAsync("/facts/django/orm");
        var post = await reader.PostAsync("/facts/django/orm", new FormUrlEncodedContent(new Dictionary<string, string> { ["WhatIsWrong"] = "x" }));

        Assert.Null(page.QuerySelector("form textarea"));
        Assert.Contains("https://", page.QuerySelector("main .warning")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(site.Query(db => db.ReviewItems.ToList()));
    }

    [Fact]
    public async Task BehindALocalTlsProxyTheForwardedSchemeCounts()
    {
        using var site = new SiteFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await site.CreateReader().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-fc-af=") && c.Contains("secure"));
    }

    [Fact]
    public async Task InDevelopmentSignInWorksOverHttpWithUnprefixedCookies()
    {
        using var site = new DevelopmentSite();
        await site.CreateAccountAsync("dev@example.org", "editor");
        var client = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        var response = await client.PostFormAsync("/account/login", new() { ["Email"] = "dev@example.org", ["Password"] = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fc-session=") && !c.Contains("secure"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/editor")).StatusCode);
    }

    sealed class DevelopmentSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
