using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Tests.Accounts;

/// <summary>A session alone cannot change how the account signs in, and looking at the settings changes nothing.</summary>
public sealed class TwoFactorChangeTests(TwoFactorChangeTests.Site site) : IClassFixture<TwoFactorChangeTests.Site>
{
    public sealed class Site : SiteFactory;

    static string NewEmail() => $"tc{Guid.NewGuid():N}"[..12] + "@example.org";

    async Task<(string Email, HttpClient Client)> SignedInAsync()
    {
        var email = NewEmail();
        await site.CreateAccountAsync(email, Roles.Editor);
        return (email, await site.SignInAsync(email));
    }

    /// <summary>Everything about the account that enrolling would change: stamps, two-factor flag, failed count and stored tokens.</summary>
    string Snapshot(string email) => site.Query(db =>
    {
        var user = db.Users.AsNoTracking().Single(u => u.Email == email);
        var tokens = db.UserTokens.Where(t => t.UserId == user.Id).OrderBy(t => t.Name).Select(t => t.Name + "=" + t.Value).ToList();
        return $"{user.SecurityStamp}|{user.ConcurrencyStamp}|{user.TwoFactorEnabled}|{user.AccessFailedCount}|{string.Join(",", tokens)}";
    });

    List<string> Audit(string email) => site.Query(db => db.AuditLog.Where(a => a.Actor == email).OrderBy(a => a.Id).Select(a => a.Action + " " + a.Detail).ToList());

    [Fact]
    public async Task ViewingTheTwoFactorPageChangesNothingAndEndsNoSession()
    {
        var (email, client) = await SignedInAsync();
        using var other = await site.SignInBrowserAsync(email);
        var before = Snapshot(email);

        var first = await TwoFactorForms.OfferAsync(client);
        var second = await TwoFactorForms.OfferAsync(client);

        Assert.Equal(before, Snapshot(email));
        Assert.NotEqual(first.Key, second.Key);
        Assert.True(await site.AcceptsSessionAsync(other.SessionCookie));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not the password at all")]
    public async Task EnrollingWithoutThePasswordIsRefusedAndStoresNoKey(string? password)
    {
        var (email, client) = await SignedInAsync();
        var (key, enrolment, _) = await TwoFactorForms.OfferAsync(client);
        var before = Snapshot(email);

        var response = await TwoFactorForms.EnrolAsync(client, enrolment, Totp.Code(key, DateTimeOffset.UtcNow), password);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("off", await TwoFactorForms.StateAsync(response));
        Assert.Equal(TwoFactorSettings.PasswordNotRight, await TwoFactorForms.ErrorAsync(response));
        // The same key is offered again, so the app need not be set up twice.
        Assert.Equal(Authenticator.Grouped(key), (await Html.ParseAsync(response)).QuerySelector(".shared-key")!.TextContent);
        var after = Snapshot(email);
        Assert.Equal(before.Split('|')[4], after.Split('|')[4]);
        Assert.Equal("1", after.Split('|')[3]);
        Assert.Contains("2fa-failed password not right", Audit(email));
    }

    [Fact]
    public async Task EnrollingNeedsACodeOfTheOfferedKey()
    {
        var (email, client) = await SignedInAsync();
        var (key, enrolment, _) = await TwoFactorForms.OfferAsync(client);
        var otherKey = (await TwoFactorForms.OfferAsync(client)).Key;

        foreach (var code in new[] { "", "12345", "abcdef", Totp.Code(otherKey, DateTimeOffset.UtcNow), Totp.Code(key, DateTimeOffset.UtcNow, 5) })
        {
            var response = await TwoFactorForms.EnrolAsync(client, enrolment, code, TestAccounts.Password);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(TwoFactorSettings.CodeNotRight, await TwoFactorForms.ErrorAsync(response));
        }
        Assert.False(site.Query(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));
    }

    [Fact]
    public async Task AnOfferMadeForAnotherAccountOrAlteredIsRefused()
    {
        var (email, client) = await SignedInAsync();
        var (_, otherClient) = await SignedInAsync();
        var (otherKey, otherEnrolment, _) = await TwoFactorForms.OfferAsync(otherClient);
        var (key, enrolment, _) = await TwoFactorForms.OfferAsync(client);

        var foreign = await TwoFactorForms.EnrolAsync(client, otherEnrolment, Totp.Code(otherKey, DateTimeOffset.UtcNow), TestAccounts.Password);
        var altered = await TwoFactorForms.EnrolAsync(client, enrolment[..^4] + "AAAA", Totp.Code(key, DateTimeOffset.UtcNow), TestAccounts.Password);
        var missing = await TwoFactorForms.EnrolAsync(client, null, Totp.Code(key, DateTimeOffset.UtcNow), TestAccounts.Password);

        Assert.All([foreign, altered, missing], r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.False(site.Query(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));
    }

    /// <summary>Each way to be short of what turning it off needs: nothing (a session alone), the password only, a code only, a wrong password.</summary>
    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, true, true)]
    public async Task TurningTwoFactorOffNeedsThePasswordAndACurrentCode(bool password, bool code, bool wrongPassword)
    {
        var (email, client) = await SignedInAsync();
        var key = await TwoFactorForms.TurnOnAsync(client);
        var before = Snapshot(email);

        var response = await TwoFactorForms.DisableAsync(client,
            wrongPassword ? "not the password at all" : password ? TestAccounts.Password : null,
            code ? Totp.Code(key, DateTimeOffset.UtcNow) : null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("on", await TwoFactorForms.StateAsync(response));
        var after = Snapshot(email);
        Assert.Equal((before.Split('|')[0], "True", before.Split('|')[4]), (after.Split('|')[0], after.Split('|')[2], after.Split('|')[4]));
    }

    [Fact]
    public async Task MovingToAnotherAppNeedsThePasswordAndTheCurrentAppsCode()
    {
        var (_, client) = await SignedInAsync();
        var oldKey = await TwoFactorForms.TurnOnAsync(client);
        var (newKey, enrolment, page) = await TwoFactorForms.OfferAsync(client);
        Assert.NotNull(page.QuerySelector("details.move-authenticator form input[name=CurrentCode]"));

        var noCurrentCode = await TwoFactorForms.EnrolAsync(client, enrolment, Totp.Code(newKey, DateTimeOffset.UtcNow), TestAccounts.Password);
        var noPassword = await TwoFactorForms.EnrolAsync(client, enrolment, Totp.Code(newKey, DateTimeOffset.UtcNow), null, Totp.Code(oldKey, DateTimeOffset.UtcNow));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (noCurrentCode.StatusCode, noPassword.StatusCode));

        var moved = await TwoFactorForms.EnrolAsync(client, enrolment, Totp.Code(newKey, DateTimeOffset.UtcNow), TestAccounts.Password, Totp.Code(oldKey, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(10, (await Html.ParseAsync(moved)).QuerySelectorAll(".recovery-codes code").Length);

        // Now only the new app's codes turn it off.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await TwoFactorForms.DisableAsync(client, TestAccounts.Password, Totp.Code(oldKey, DateTimeOffset.UtcNow, 1))).StatusCode);
        Assert.Equal("off", await TwoFactorForms.StateAsync(await TwoFactorForms.DisableAsync(client, TestAccounts.Password, Totp.Code(newKey, DateTimeOffset.UtcNow, 1))));
    }
}
