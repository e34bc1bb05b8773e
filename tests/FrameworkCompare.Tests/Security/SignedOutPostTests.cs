using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Security;

/// <summary>
/// Every workspace post needs an anti-forgery token, signed out too. A post after the session ended is accepted as far
/// as "sign in again" only with the pair this browser holds (cookie and token), so a cross-site form cannot plant text.
/// </summary>
public sealed partial class SignedOutPostTests : IAsyncLifetime
{
    const string ArticlePath = "articles/django-vs-flask.md", Planted = "Planted by another site";
    EditorSite site = null!;

    public async Task InitializeAsync() => site = await EditorSite.StartAsync();
    public async Task DisposeAsync() => await site.DisposeAsync();

    /// <summary>How a post from elsewhere can arrive: with no cookies at all, with this browser's anti-forgery cookie (a
    /// browser that ignores SameSite) but no token, with another browser's token, or with a made-up token.</summary>
    public enum Forgery { NoCookieNoToken, CookieButNoToken, AnotherBrowsersToken, MadeUpToken }

    public static TheoryData<Forgery> Forgeries => [.. Enum.GetValues<Forgery>()];

    /// <summary>A signed-out browser set up for <paramref name="forgery"/>, and the token (if any) the forged post carries.</summary>
    async Task<(TestBrowser Browser, string? Token)> ForgedAsync(Forgery forgery)
    {
        var browser = site.Site.CreateBrowser();
        if (forgery == Forgery.NoCookieNoToken) return (browser, null);
        // Loading any page with a form gives this browser its anti-forgery cookie.
        await browser.Client.GetAsync("/account/login");
        Assert.NotNull(browser.Cookie(Web.Accounts.AccountSetup.AntiforgeryCookie));
        return forgery switch
        {
            Forgery.AnotherBrowsersToken => (browser, EditorSite.Token(await site.OpenEditorAsync(ArticlePath))),
            Forgery.MadeUpToken => (browser, Convert.ToBase64String(RandomNumberGenerator.GetBytes(100)).Replace('+', '-').Replace('/', '_').TrimEnd('=')),
            _ => (browser, null),
        };
    }

    /// <summary>Every POST route under /editor and /account, from the site's own endpoint list, with its parameters filled in.</summary>
    List<string> WorkspacePostUrls()
    {
        var endpoints = site.Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var urls = endpoints
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("POST"))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.StartsWith("/editor/") || route.StartsWith("/account/"))
            .Select(route => RouteParameter().Replace(route, m => m.Groups[1].Value switch
            {
                "path" => ArticlePath, "id" => "1", "kind" => "article", "framework" => "django", "attribute" => "orm", _ => "x",
            }))
            .Distinct().Order().ToList();
        // Guards against a list that silently went empty: the workspace has at least these.
        Assert.Superset(new HashSet<string> { "/account/login", "/account/logout", "/account/two-factor/disable", "/editor/autosave", $"/editor/edit/{ArticlePath}" }, urls.ToHashSet());
        return urls;
    }

    /// <summary>Everything a workspace post could change: the durable tables and the content folder.</summary>
    string Effects() => site.Site.Query(db => string.Join("|",
        db.Drafts.Count(), db.Revisions.Count(), db.ReviewItems.Count(), db.AuditLog.Count(), db.Sessions.Count(), db.FactChanges.Count(),
        db.UserTokens.Count(), string.Join(",", db.Users.OrderBy(u => u.Id).Select(u => u.SecurityStamp + u.TwoFactorEnabled + u.AccessFailedCount)))) + "|"
        + string.Join(",", Directory.EnumerateFiles(site.Content.Root, "*", SearchOption.AllDirectories).Order().Select(f => f + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));

    [Theory, MemberData(nameof(Forgeries))]
    public async Task EveryWorkspacePostAnswers400WhenSignedOutWithoutThisBrowsersToken(Forgery forgery)
    {
        var (browser, token) = await ForgedAsync(forgery);
        var before = Effects();
        var answers = new List<string>();
        foreach (var url in WorkspacePostUrls())
        {
            var fields = new Dictionary<string, string>
            {
                ["Text"] = Planted, ["intent"] = "publish", ["Path"] = ArticlePath, ["Message"] = Planted,
                // Right credentials: even they must not sign in without a token.
                ["Email"] = EditorSite.EditorEmail, ["Password"] = TestAccounts.Password, ["Code"] = "000000",
            };
            if (token is not null) fields["__RequestVerificationToken"] = token;
            using var json = JsonContent.Create(new { path = ArticlePath, text = Planted });
            if (token is not null) json.Headers.Add("RequestVerificationToken", token);
            foreach (HttpContent body in new HttpContent[] { new FormUrlEncodedContent(fields), json })
            {
                var response = await browser.Client.PostAsync(url, body);
                var toSignIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/account/login";
                if (response.StatusCode != HttpStatusCode.BadRequest && !toSignIn) answers.Add($"{url} ({body.Headers.ContentType?.MediaType}): {(int)response.StatusCode}");
                Assert.DoesNotContain(Planted, await response.Content.ReadAsStringAsync());
            }
        }
        Assert.True(answers.Count == 0, "Signed-out posts without this browser's token that were not refused:\n" + string.Join('\n', answers));
        Assert.Equal(before, Effects());
        Assert.Null(browser.Cookie(Web.Accounts.AccountSetup.SessionCookie));
        browser.Dispose();
    }

    [Theory, MemberData(nameof(Forgeries))]
    public async Task ACrossSitePostToTheEditorPlantsNoTextForTheNextSignIn(Forgery forgery)
    {
        var (victim, token) = await ForgedAsync(forgery);
        var fields = new Dictionary<string, string> { ["Text"] = Planted, ["Message"] = Planted, ["intent"] = "save" };
        if (token is not null) fields["__RequestVerificationToken"] = token;

        var forged = await victim.Client.PostAsync($"/editor/edit/{ArticlePath}", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var page = await Html.ParseAsync(forged);
        Assert.Null(page.QuerySelector("form[action='/account/login'] [name='Keep.Text']"));
        Assert.DoesNotContain(Planted, page.Source.Text);

        // The editor then signs in, in that browser, and opens the file: no planted draft.
        Assert.Equal(HttpStatusCode.Redirect, (await victim.Client.PostFormAsync("/account/login", new() { ["Email"] = EditorSite.EditorEmail, ["Password"] = TestAccounts.Password })).StatusCode);
        var editor = await site.OpenEditorAsync(ArticlePath, victim.Client);
        Assert.DoesNotContain(Planted, editor.QuerySelector("textarea#content")!.TextContent);
        Assert.Empty(site.Site.Query(db => db.Drafts.Where(d => d.Text.Contains(Planted)).ToList()));
        victim.Dispose();
    }

    /// <summary>The with-script journey's contract: the autosave's 401 says the session ended; a post without the pair is 400.</summary>
    [Fact]
    public async Task ASignedOutAutosaveAnswers401WithThisBrowsersTokenAnd400Without()
    {
        using var browser = await site.Site.SignInBrowserAsync(EditorSite.EditorEmail);
        var token = EditorSite.Token(await site.OpenEditorAsync(ArticlePath, browser.Client));
        browser.ForgetSession();

        async Task<HttpStatusCode> AutosaveAsync(string? withToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/editor/autosave") { Content = JsonContent.Create(new { path = ArticlePath, text = "typed" }) };
            request.Headers.Add("Accept", "application/json");
            if (withToken is not null) request.Headers.Add("RequestVerificationToken", withToken);
            return (await browser.Client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await AutosaveAsync(token));
        Assert.Equal(HttpStatusCode.BadRequest, await AutosaveAsync(null));
        Assert.Equal(HttpStatusCode.BadRequest, await AutosaveAsync(token[..^2] + "xx"));
    }

    /// <summary>A sign-out button on a page loaded before the session ended still works, rather than answering 400.</summary>
    [Fact]
    public async Task AStaleSignOutFormStillSignsOut()
    {
        using var browser = await site.Site.SignInBrowserAsync(EditorSite.EditorEmail);
        var token = EditorSite.Token(await site.OpenEditorAsync(ArticlePath, browser.Client));
        browser.ForgetSession();

        var response = await browser.Client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex(@"\{\**(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
