using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Accounts;

/// <summary>
/// Signing in with an unknown address costs the same password hash as a known one, so its timing tells nothing. Counted
/// through a stand-in hasher, not timed: a timed test would be slow and flaky.
/// </summary>
public sealed class UnknownAddressTests(UnknownAddressTests.Site site) : IClassFixture<UnknownAddressTests.Site>
{
    /// <summary>The real hasher, with every hash it is asked to verify written down.</summary>
    public sealed class CountingHasher : IPasswordHasher<EditorUser>
    {
        readonly PasswordHasher<EditorUser> real = new();
        public List<string> Verified { get; } = [];

        public string HashPassword(EditorUser user, string password) => real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(EditorUser user, string hashedPassword, string providedPassword)
        {
            lock (Verified) Verified.Add(hashedPassword);
            return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    public sealed class Site : SiteFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<EditorUser>>(Hasher));
        }
    }

    /// <summary>The hashes verified by one sign-in attempt.</summary>
    async Task<List<string>> VerifiedBySignInAsync(string email, string password)
    {
        var client = site.CreateBrowserLikeClient();
        // Loading the form verifies nothing; only the post is counted.
        var page = await Html.ParseAsync(await client.GetAsync("/account/login"));
        lock (site.Hasher.Verified) site.Hasher.Verified.Clear();
        await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password,
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        lock (site.Hasher.Verified) return [.. site.Hasher.Verified];
    }

    /// <summary>PBKDF2 hashes start with a format byte, the PRF, the iteration count and the salt length: the cost.</summary>
    static string Cost(string hash) => Convert.ToHexString(Convert.FromBase64String(hash)[..13]);

    [Fact]
    public async Task AnUnknownAddressRunsTheSamePasswordHashAsAKnownOne()
    {
        var known = $"ua{Guid.NewGuid():N}"[..12] + "@example.org";
        await site.CreateAccountAsync(known, Roles.Editor);

        var wrongPassword = await VerifiedBySignInAsync(known, "not the password at all");
        var rightPassword = await VerifiedBySignInAsync(known, TestAccounts.Password);
        var unknown = await VerifiedBySignInAsync("nobody-" + known, "not the password at all");
        var unknownAgain = await VerifiedBySignInAsync("nobody-else-" + known, TestAccounts.Password);

        Assert.Single(wrongPassword);
        Assert.Single(rightPassword);
        Assert.Single(unknown);
        Assert.Single(unknownAgain);
        Assert.Equal(Cost(wrongPassword[0]), Cost(unknown[0]));
        Assert.Equal(Cost(wrongPassword[0]), Cost(unknownAgain[0]));
    }
}
