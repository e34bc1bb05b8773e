using System.Net;
using FrameworkCompare.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace FrameworkCompare.Tests.Infrastructure;

/// <summary>
/// A client with a cookie jar the test can see: to copy the session cookie (as someone who stole it would), or to drop
/// it while keeping the anti-forgery cookie (as when a session runs out in a browser).
/// </summary>
public sealed class TestBrowser : IDisposable
{
    public static readonly Uri Origin = new("https://localhost");
    readonly CookieContainer cookies = new();

    public HttpClient Client { get; }

    public TestBrowser(SiteFactory site) => Client = site.CreateDefaultClient(Origin, new CookieContainerHandler(cookies));

    public string? Cookie(string name) => cookies.GetCookies(Origin)[name]?.Value;

    public string SessionCookie => Cookie(AccountSetup.SessionCookie) ?? throw new InvalidOperationException("not signed in");

    /// <summary>Drops the session cookie only, as if it had expired.</summary>
    public void ForgetSession()
    {
        if (cookies.GetCookies(Origin)[AccountSetup.SessionCookie] is { } cookie) cookie.Expired = true;
    }

    public void Dispose() => Client.Dispose();
}

public static class TestBrowsers
{
    public static TestBrowser CreateBrowser(this SiteFactory site) => new(site);

    public static async Task<TestBrowser> SignInBrowserAsync(this SiteFactory site, string email, string password = TestAccounts.Password)
    {
        var browser = new TestBrowser(site);
        var response = await browser.Client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        return browser;
    }

    /// <summary>
    /// Whether a copy of a session cookie, sent on its own from somewhere else, still opens a page that needs sign-in
    /// (200) rather than being sent to sign-in (302).
    /// </summary>
    public static async Task<bool> AcceptsSessionAsync(this SiteFactory site, string sessionCookie)
    {
        using var client = site.CreateDefaultClient(TestBrowser.Origin);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/two-factor");
        request.Headers.Add("Cookie", $"{AccountSetup.SessionCookie}={sessionCookie}");
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect) Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
