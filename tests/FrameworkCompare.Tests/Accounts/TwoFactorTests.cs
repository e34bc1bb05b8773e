using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Accounts;

namespace FrameworkCompare.Tests.Accounts;

public sealed class TwoFactorTests(TwoFactorTests.Site site) : IClassFixture<TwoFactorTests.Site>
{
    public sealed class Site : SiteFactory;

    static string NewEmail() => $"tf{Guid.NewGuid():N}"[..12] + "@example.org";

    /// <summary>
    /// Enrols through the page the way a person does, and returns the shared key and the recovery codes shown. The
    /// enrolment uses the previous step's code, so the current step's is left for signing in.
    /// </summary>
    async Task<(HttpClient Client, string Key, string[] RecoveryCodes)> EnrolAsync(string email, string role)
    {
        await site.CreateAccountAsync(email, role);
        var client = await site.SignInAsync(email);
        var (key, enrolment, page) = await TwoFactorForms.OfferAsync(client);
        Assert.Equal("off", page.QuerySelector(".two-factor-state strong")!.TextContent);
        var image = page.QuerySelector("img.qr")!;
        Assert.StartsWith("data:image/svg+xml;base64,", image.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")));
        Assert.Contains($"secret={key.ToUpperInvariant()}", page.QuerySelector(".authenticator-uri")!.TextContent);

        var enabled = await TwoFactorForms.EnrolAsync(client, enrolment, Totp.Code(key, DateTimeOffset.UtcNow, -1), Infrastructure.TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var done = await Html.ParseAsync(enabled);
        Assert.Equal("on", done.QuerySelector(".two-factor-state strong")!.TextContent);
        var codes = done.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToArray();
        Assert.Equal(10, codes.Length);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/logout", [], formPage: "/account/two-factor")).StatusCode);
        return (client, key, codes);
    }

    async Task<HttpResponseMessage> SecondStepAsync(HttpClient client, string email, string code)
    {
        var first = await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = Infrastructure.TestAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await Html.ParseAsync(first);
        Assert.Equal("one-time-code", page.QuerySelector("form[action='/account/login-2fa'] input#Code")!.GetAttribute("autocomplete"));
        return await client.PostFormAsync("/account/login-2fa", new() { ["Code"] = code });
    }

    static bool SetsSession(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(AccountSetup.SessionCookie + "=") && !c.Contains("expires=Thu, 01 Jan 1970"));

    [Fact]
    public async Task AfterEnrolmentSignInNeedsTheCurrentCode()
    {
        var email = NewEmail();
        var (client, key, _) = await EnrolAsync(email, Roles.Editor);

        var response = await SecondStepAsync(client, email, Totp.Code(key, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/editor", response.Headers.Location!.OriginalString);
        Assert.True(SetsSession(response));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/two-factor")).StatusCode);
        Assert.Contains("2fa-enabled", site.Query(db => db.AuditLog.Where(a => a.Actor == email).Select(a => a.Action).ToList()));
    }

    [Fact]
    public async Task AWrongCodeIsRefusedAndAudited()
    {
        var email = NewEmail();
        var (client, key, _) = await EnrolAsync(email, Roles.Editor);
        var near = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, DateTimeOffset.UtcNow, step)).ToHashSet();
        var wrong = Enumerable.Range(0, 1000).Select(i => i.ToString("D6")).First(c => !near.Contains(c));

        var response = await SecondStepAsync(client, email, wrong);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(SetsSession(response));
        Assert.Equal(["#Code"], (await Html.ParseAsync(response)).QuerySelectorAll(".error-summary li a").Select(a => a.GetAttribute("href")));
        Assert.Contains("2fa-failed", site.Query(db => db.AuditLog.Where(a => a.Target == email).Select(a => a.Action).ToList()));
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnce()
    {
        var email = NewEmail();
        var (client, _, codes) = await EnrolAsync(email, Roles.Editor);

        var response = await SecondStepAsync(client, email, codes[0]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(SetsSession(response));

        await client.PostFormAsync("/account/logout", [], formPage: "/account/two-factor");
        var again = await SecondStepAsync(client, email, codes[0]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task KeptTextRidesThroughTheSecondStep()
    {
        var email = NewEmail();
        var (client, key, _) = await EnrolAsync(email, Roles.Editor);
        var first = await client.PostFormAsync("/account/login", new()
        {
            ["Email"] = email, ["Password"] = Infrastructure.TestAccounts.Password, ["Keep.Path"] = "articles/x.md", ["Keep.Text"] = "kept",
        });
        var page = await Html.ParseAsync(first);
        Assert.Equal("kept", page.QuerySelector("form[action='/account/login-2fa'] input[name='Keep.Text']")!.GetAttribute("value"));

        var response = await client.PostFormAsync("/account/login-2fa", new()
        {
            ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow), ["Keep.Path"] = "articles/x.md", ["Keep.Text"] = "kept",
        });
        Assert.Equal("/editor/edit/articles/x.md", response.Headers.Location!.OriginalString);
        Assert.Equal("kept", site.Query(db => db.Drafts.Single(d => d.Path == "articles/x.md" && db.Users.Any(u => u.Id == d.UserId && u.Email == email)).Text));
    }

    [Fact]
    public async Task AnEditorMayTurnItOffButAnAdminMayNot()
    {
        var editor = NewEmail();
        var (editorClient, editorKey, _) = await EnrolAsync(editor, Roles.Editor);
        await SecondStepAsync(editorClient, editor, Totp.Code(editorKey, DateTimeOffset.UtcNow));
        var off = await TwoFactorForms.DisableAsync(editorClient, Infrastructure.TestAccounts.Password, Totp.Code(editorKey, DateTimeOffset.UtcNow, 1));
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal("off", (await Html.ParseAsync(off)).QuerySelector(".two-factor-state strong")!.TextContent);

        var admin = NewEmail();
        var (adminClient, adminKey, _) = await EnrolAsync(admin, Roles.Admin);
        await SecondStepAsync(adminClient, admin, Totp.Code(adminKey, DateTimeOffset.UtcNow));
        var refused = await TwoFactorForms.DisableAsync(adminClient, Infrastructure.TestAccounts.Password, Totp.Code(adminKey, DateTimeOffset.UtcNow, 1));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("required for admins once enrolled", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("on", page.QuerySelector(".two-factor-state strong")!.TextContent);
        Assert.True(site.Query(db => db.Users.Single(u => u.Email == admin).TwoFactorEnabled));
    }
}
