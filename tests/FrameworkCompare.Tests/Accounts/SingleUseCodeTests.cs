using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Accounts;

namespace FrameworkCompare.Tests.Accounts;

/// <summary>An authenticator code signs in once: its time step is recorded per account in the database.</summary>
public sealed class SingleUseCodeTests(SingleUseCodeTests.Site site) : IClassFixture<SingleUseCodeTests.Site>
{
    public sealed class Site : SiteFactory;

    static string NewEmail() => $"su{Guid.NewGuid():N}"[..12] + "@example.org";

    /// <summary>An account with two-factor on, enrolled with the previous step's code, signed out.</summary>
    static async Task<(string Email, string Key)> EnrolledAsync(SiteFactory on)
    {
        var email = NewEmail();
        await on.CreateAccountAsync(email, Roles.Editor);
        var client = await on.SignInAsync(email);
        var key = await TwoFactorForms.TurnOnAsync(client);
        await client.PostFormAsync("/account/logout", [], formPage: "/account/two-factor");
        return (email, key);
    }

    /// <summary>Both sign-in steps in a new browser; true when the code signed in.</summary>
    static async Task<bool> SignsInAsync(SiteFactory on, string email, string code)
    {
        using var browser = on.CreateBrowser();
        var first = await browser.Client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = TestAccounts.Password });
        Assert.NotNull((await Html.ParseAsync(first)).QuerySelector("form[action='/account/login-2fa']"));
        var second = await browser.Client.PostFormAsync("/account/login-2fa", new() { ["Code"] = code });
        Assert.True(second.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"answered {(int)second.StatusCode}");
        return second.StatusCode == HttpStatusCode.Redirect && browser.Cookie(AccountSetup.SessionCookie) is not null;
    }

    [Fact]
    public async Task ACodeSignsInOnceAndTheNextStepsCodeAgain()
    {
        var (email, key) = await EnrolledAsync(site);
        var code = Totp.Code(key, DateTimeOffset.UtcNow);

        Assert.True(await SignsInAsync(site, email, code));
        Assert.False(await SignsInAsync(site, email, code));
        Assert.True(await SignsInAsync(site, email, Totp.Code(key, DateTimeOffset.UtcNow, 1)));
    }

    [Fact]
    public async Task ACodeForAnEarlierStepThanOneUsedIsRefused()
    {
        var (email, key) = await EnrolledAsync(site);

        Assert.True(await SignsInAsync(site, email, Totp.Code(key, DateTimeOffset.UtcNow, 1)));
        Assert.False(await SignsInAsync(site, email, Totp.Code(key, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task TheCodeThatEnrolledCannotSignIn()
    {
        var (email, key) = await EnrolledAsync(site);
        Assert.False(await SignsInAsync(site, email, Totp.Code(key, DateTimeOffset.UtcNow, -1)));
    }

    [Fact]
    public async Task ACodeUsedOnOneNodeIsRefusedOnAnother()
    {
        var nodes = SiteNode.Farm(2);
        try
        {
            var (email, key) = await EnrolledAsync(nodes[0]);
            var code = Totp.Code(key, DateTimeOffset.UtcNow);

            Assert.True(await SignsInAsync(nodes[0], email, code));
            Assert.False(await SignsInAsync(nodes[1], email, code));
        }
        finally
        {
            foreach (var node in nodes.Reverse()) node.Dispose();
        }
    }

    [Fact]
    public async Task SigningOutOnOneNodeEndsTheSessionOnAnother()
    {
        var nodes = SiteNode.Farm(2);
        try
        {
            await nodes[0].CreateAccountAsync("farm@example.org", Roles.Editor);
            using var browser = await nodes[0].SignInBrowserAsync("farm@example.org");
            var copy = browser.SessionCookie;
            Assert.True(await nodes[1].AcceptsSessionAsync(copy), "the other node does not read this node's cookies");

            await browser.Client.PostFormAsync("/account/logout", [], formPage: "/account/two-factor");

            Assert.False(await nodes[1].AcceptsSessionAsync(copy));
        }
        finally
        {
            foreach (var node in nodes.Reverse()) node.Dispose();
        }
    }
}
