using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Commands;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Tests.Accounts;

/// <summary>
/// Every action that ends sessions ends them at once: a copy of the session cookie taken before the action (as someone
/// who stole it would hold) is refused on the very next request.
/// </summary>
public sealed class SessionEndTests(SessionEndTests.Site site) : IClassFixture<SessionEndTests.Site>
{
    public sealed class Site : SiteFactory;

    static string NewEmail() => $"se{Guid.NewGuid():N}"[..12] + "@example.org";

    async Task<(string Email, TestBrowser Browser, string CopiedCookie)> SignedInAsync(string role = Roles.Editor)
    {
        var email = NewEmail();
        await site.CreateAccountAsync(email, role);
        var browser = await site.SignInBrowserAsync(email);
        var copy = browser.SessionCookie;
        Assert.True(await site.AcceptsSessionAsync(copy), "the copied cookie did not work even before the action");
        return (email, browser, copy);
    }

    async Task<int> UsersAsync(string? stdin, params string[] args) =>
        await Cli.RunAsync(["users", .. args, $"--ConnectionStrings:Site=Data Source={site.DatabasePath}"], new StringWriter(), new StringReader(stdin ?? ""));

    [Fact]
    public async Task SigningOutEndsTheSessionOnTheServerSoACopiedCookieIsRefused()
    {
        var (email, browser, copy) = await SignedInAsync();

        var signedOut = await browser.Client.PostFormAsync("/account/logout", [], formPage: "/account/two-factor");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.False(await site.AcceptsSessionAsync(copy));
        Assert.Empty(site.Query(db => db.Sessions.Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email)).ToList()));
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEverySessionOfTheAccountAndNoOneElses()
    {
        var (email, first, firstCopy) = await SignedInAsync();
        using var second = await site.SignInBrowserAsync(email);
        var secondCopy = second.SessionCookie;
        var (_, other, otherCopy) = await SignedInAsync();

        var response = await first.Client.PostFormAsync("/account/logout-everywhere", [], formPage: "/account/two-factor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await site.AcceptsSessionAsync(firstCopy));
        Assert.False(await site.AcceptsSessionAsync(secondCopy));
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.GetAsync("/account/two-factor")).StatusCode);
        Assert.True(await site.AcceptsSessionAsync(otherCopy));
        Assert.Contains("signed-out-everywhere", site.Query(db => db.AuditLog.Where(a => a.Target == email).Select(a => a.Action).ToList()));
        first.Dispose();
        other.Dispose();
    }

    /// <summary>The verbs run as an admin runs them, in a host of their own over the same database: another node, in effect.</summary>
    [Theory]
    [InlineData("set-role")]
    [InlineData("reset-password")]
    [InlineData("reset-2fa")]
    [InlineData("remove")]
    public async Task AnAccountChangeFromTheCommandLineEndsItsSessionsAtOnce(string verb)
    {
        var (email, browser, copy) = await SignedInAsync();
        var (_, bystander, bystanderCopy) = await SignedInAsync();

        var exit = verb switch
        {
            "set-role" => await UsersAsync(null, "set-role", email, "--role", Roles.Contributor),
            "reset-password" => await UsersAsync("a brand new passphrase here\n", "reset-password", email, "--password-stdin"),
            _ => await UsersAsync(null, verb, email),
        };

        Assert.Equal(0, exit);
        Assert.False(await site.AcceptsSessionAsync(copy));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/account/two-factor")).StatusCode);
        Assert.True(await site.AcceptsSessionAsync(bystanderCopy));
        browser.Dispose();
        bystander.Dispose();
    }

    /// <summary>A removed account cannot publish, either: its session's save is refused, not committed under its name.</summary>
    [Fact]
    public async Task ARemovedAccountsOpenFormCannotSaveAnything()
    {
        var (email, browser, _) = await SignedInAsync();
        var page = await Html.ParseAsync(await browser.Client.GetAsync("/editor/edit/articles/django-vs-flask.md"));
        Assert.Equal(0, await UsersAsync(null, "remove", email));

        var response = await browser.Client.PostAsync("/editor/edit/articles/django-vs-flask.md", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = "published by a removed account", ["intent"] = "publish",
            ["BaseHash"] = page.QuerySelector("input[name=BaseHash]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("published by a removed account", site.Content.Read("articles/django-vs-flask.md"));
        Assert.Empty(site.Query(db => db.Revisions.Where(r => r.Author == email).ToList()));
        browser.Dispose();
    }

    [Fact]
    public async Task TurningTwoFactorOnEndsTheOtherSessionsAndKeepsThisOne()
    {
        var (email, browser, copy) = await SignedInAsync();
        using var other = await site.SignInBrowserAsync(email);

        var key = await TwoFactorForms.TurnOnAsync(browser.Client);

        Assert.False(await site.AcceptsSessionAsync(copy), "the cookie from before the change still works");
        Assert.Equal(HttpStatusCode.Redirect, (await other.Client.GetAsync("/account/two-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/account/two-factor")).StatusCode);
        Assert.NotEmpty(key);
        browser.Dispose();
    }

    [Fact]
    public async Task TurningTwoFactorOffEndsTheOtherSessionsAndKeepsThisOne()
    {
        var (email, browser, _) = await SignedInAsync();
        var key = await TwoFactorForms.TurnOnAsync(browser.Client);
        var copy = browser.SessionCookie;
        Assert.True(await site.AcceptsSessionAsync(copy));

        var off = await TwoFactorForms.DisableAsync(browser.Client, TestAccounts.Password, Totp.Code(key, DateTimeOffset.UtcNow));

        Assert.Equal("off", await TwoFactorForms.StateAsync(off));
        Assert.False(await site.AcceptsSessionAsync(copy));
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/account/two-factor")).StatusCode);
        Assert.Contains("2fa-disabled", site.Query(db => db.AuditLog.Where(a => a.Actor == email).Select(a => a.Action).ToList()));
        browser.Dispose();
    }

    [Fact]
    public async Task ACookieWithoutASessionRowIsRefused()
    {
        var (email, browser, copy) = await SignedInAsync();
        site.Query(db => db.Sessions.Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email)).ExecuteDelete());

        Assert.False(await site.AcceptsSessionAsync(copy));
        browser.Dispose();
    }
}
