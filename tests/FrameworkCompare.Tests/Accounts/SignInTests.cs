using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Controllers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Accounts;

public sealed class SignInTests(SignInTests.Site site) : IClassFixture<SignInTests.Site>
{
    /// <summary>The site plus one page that needs <see cref="Policies.Edit"/>, standing in until the editor area is merged.</summary>
    public sealed class Site : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddControllersWithViews().AddApplicationPart(typeof(EditOnlyController).Assembly));
        }
    }

    static string NewEmail() => $"ed{Guid.NewGuid():N}"[..12] + "@example.org";

    List<string> AuditActions(string email) =>
        site.Query(db => db.AuditLog.Where(a => a.Target == email).OrderBy(a => a.Id).Select(a => a.Action).ToList());

    static async Task<string[]> ErrorsAsync(HttpResponseMessage response) =>
        [.. (await Html.ParseAsync(response)).QuerySelectorAll(".error-summary li a").Select(a => a.TextContent)];

    [Fact]
    public async Task SigningInSetsAHostOnlySecureSessionCookieAndGoesToTheEditor()
    {
        var email = NewEmail();
        await site.CreateAccountAsync(email, Roles.Editor);
        var response = await site.CreateBrowserLikeClient().PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = Infrastructure.TestAccounts.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/editor", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccountSetup.SessionCookie + "="));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain"));
        Assert.Equal(["signed-in"], AuditActions(email));
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithoutSayingWhetherTheAccountExists()
    {
        var email = NewEmail();
        await site.CreateAccountAsync(email, Roles.Editor);
        var client = site.CreateBrowserLikeClient();

        var wrong = await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = "not the password at all" });
        var unknown = await client.PostFormAsync("/account/login", new() { ["Email"] = "nobody@example.org", ["Password"] = "not the password at all" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal([AccountController.WrongCredentials], await ErrorsAsync(wrong));
        Assert.Equal([AccountController.WrongCredentials], await ErrorsAsync(unknown));
        Assert.Equal(["sign-in-failed"], AuditActions(email));
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        var email = NewEmail();
        await site.CreateAccountAsync(email, Roles.Editor);
        var client = site.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = $"wrong password number {i}" });

        var right = await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = Infrastructure.TestAccounts.Password });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal([AccountController.LockedOut], await ErrorsAsync(right));
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(AccountSetup.SessionCookie)));
        Assert.Equal([.. Enumerable.Repeat("sign-in-failed", 4), "locked-out", "locked-out"], AuditActions(email));
    }

    [Fact]
    public async Task AnAnonymousPageRequestIsSentToSignIn()
    {
        var response = await site.CreateBrowserLikeClient().GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Faccount%2Ftwo-factor", response.Headers.Location.Query);
    }

    [Fact]
    public async Task AnAccountWithoutARoleIsForbiddenFromEditingButAnEditorIsNot()
    {
        var nobody = NewEmail();
        var editor = NewEmail();
        await site.CreateAccountAsync(nobody, role: null);
        await site.CreateAccountAsync(editor, Roles.Editor);

        var forbidden = await (await site.SignInAsync(nobody)).GetAsync("/test-only/edit");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var page = await Html.ParseAsync(forbidden);
        Assert.Equal("You do not have access", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("form[action='/account/logout'] button"));
        Assert.Equal(HttpStatusCode.OK, (await (await site.SignInAsync(editor)).GetAsync("/test-only/edit")).StatusCode);
    }

    [Fact]
    public async Task ASignInPostWithoutTheAntiForgeryTokenIsRefused()
    {
        var email = NewEmail();
        await site.CreateAccountAsync(email, Roles.Editor);
        var response = await site.CreateBrowserLikeClient().PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = Infrastructure.TestAccounts.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(AuditActions(email));
    }

    [Fact]
    public async Task OnlyAPostSignsOut()
    {
        var email = NewEmail();
        await site.CreateAccountAsync(email, Roles.Editor);
        var client = await site.SignInAsync(email);

        var get = await client.GetAsync("/account/logout");
        Assert.NotEqual(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/two-factor")).StatusCode);

        var post = await client.PostFormAsync("/account/logout", [], formPage: "/account/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/", post.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/two-factor")).StatusCode);
        Assert.Equal(["signed-in", "signed-out"], AuditActions(email));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/two-factor")]
    [InlineData("/editor/anything")]
    public async Task AccountAndEditorResponsesAreNeverStored(string url)
    {
        var response = await site.CreateBrowserLikeClient().GetAsync(url);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task TheSignInPageHasLabelledFieldsAndNoIndex()
    {
        var page = await Html.ParseAsync(await site.CreateBrowserLikeClient().GetAsync("/account/login?returnUrl=%2Feditor%2Fdrafts"));
        Assert.Equal("Email", page.QuerySelector("label[for=Email]")!.TextContent);
        Assert.Equal("Password", page.QuerySelector("label[for=Password]")!.TextContent);
        Assert.Equal("username", page.QuerySelector("input#Email[name=Email]")!.GetAttribute("autocomplete"));
        Assert.Equal("current-password", page.QuerySelector("input#Password[name=Password][type=password]")!.GetAttribute("autocomplete"));
        Assert.Equal("Sign in", page.QuerySelector("form.account-form button[type=submit]")!.TextContent);
        Assert.Equal("/editor/drafts", page.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/editor/drafts", "/editor/drafts")]
    [InlineData("https://evil.example/steal", "/editor")]
    [InlineData("//evil.example/steal", "/editor")]
    public async Task OnlyALocalReturnUrlIsFollowed(string returnUrl, string expected)
    {
        var email = NewEmail();
        await site.CreateAccountAsync(email, Roles.Editor);
        var response = await site.CreateBrowserLikeClient().PostFormAsync("/account/login",
            new() { ["Email"] = email, ["Password"] = Infrastructure.TestAccounts.Password, ["ReturnUrl"] = returnUrl });
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TextKeptThroughSignInIsSavedAsTheDraftAndOpened()
    {
        var email = NewEmail();
        var user = await site.CreateAccountAsync(email, Roles.Editor);
        var response = await site.CreateBrowserLikeClient().PostFormAsync("/account/login", new()
        {
            ["Email"] = email, ["Password"] = Infrastructure.TestAccounts.Password,
            ["Keep.Path"] = "articles/x.md", ["Keep.BaseHash"] = "abc123", ["Keep.Text"] = "# Kept\n\nText typed before the session ended.", ["Keep.Message"] = "Fix intro",
        });

        Assert.Equal("/editor/edit/articles/x.md", response.Headers.Location!.OriginalString);
        var draft = Assert.Single(site.Query(db => db.Drafts.Where(d => d.UserId == user.Id).ToList()));
        Assert.Equal(("articles/x.md", "# Kept\n\nText typed before the session ended.", "abc123", "Fix intro"), (draft.Path, draft.Text, draft.BaseHash, draft.Message));
    }

    [Theory]
    [InlineData("../appsettings.json")]
    [InlineData("/etc/passwd")]
    [InlineData("articles\\x.md")]
    public async Task KeptTextForAPathOutsideTheContentFolderIsRefused(string path)
    {
        var email = NewEmail();
        var user = await site.CreateAccountAsync(email, Roles.Editor);
        var response = await site.CreateBrowserLikeClient().PostFormAsync("/account/login", new()
        {
            ["Email"] = email, ["Password"] = Infrastructure.TestAccounts.Password, ["Keep.Path"] = path, ["Keep.Text"] = "text",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(site.Query(db => db.Drafts.Where(d => d.UserId == user.Id).ToList()));
    }

    [Fact]
    public async Task TheSignInPageCarriesKeptTextAsHiddenFields()
    {
        var email = NewEmail();
        await site.CreateAccountAsync(email, Roles.Editor);
        var response = await site.CreateBrowserLikeClient().PostFormAsync("/account/login", new()
        {
            ["Email"] = email, ["Password"] = "wrong password here", ["Keep.Path"] = "articles/x.md", ["Keep.Text"] = "kept <b>text</b>",
        });
        var page = await Html.ParseAsync(response);
        Assert.Equal("articles/x.md", page.QuerySelector("input[type=hidden][name='Keep.Path']")!.GetAttribute("value"));
        Assert.Equal("kept <b>text</b>", page.QuerySelector("input[type=hidden][name='Keep.Text']")!.GetAttribute("value"));
    }
}

/// <summary>Top level: MVC only finds controllers that are not nested types.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditOnlyController : Controller
{
    [HttpGet("/test-only/edit")]
    public string Index() => "editing";
}

public sealed class SignInRateLimitTests() : IDisposable
{
    readonly SiteFactory site = new(settings: new Dictionary<string, string> { ["RateLimits:SignInPermitLimit"] = "3", ["RateLimits:SignInWindowSeconds"] = "120" });

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task SignInAttemptsBeyondTheLimitGet429WithRetryAfter()
    {
        var client = site.CreateBrowserLikeClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostFormAsync("/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = $"guess number {i}" });
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.InRange(last.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 120);
        // Reading the page is not limited: only attempts are.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
