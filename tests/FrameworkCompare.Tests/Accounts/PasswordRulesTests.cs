using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Accounts;

public sealed class PasswordRulesTests(PasswordRulesTests.Site site) : IClassFixture<PasswordRulesTests.Site>
{
    public sealed class Site : SiteFactory;

    async Task<string[]> RefusalsAsync(string password, string email = "walter@example.org")
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var user = new EditorUser { UserName = email, Email = email };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded) return [.. result.Errors.Select(e => e.Code)];
        }
        return [];
    }

    static string Of(int length) => string.Concat(Enumerable.Repeat("Qz7!vmR2pLxw", 30))[..length];

    [Fact]
    public async Task ElevenCharactersAreRefusedAndTwelveAccepted()
    {
        Assert.Contains("PasswordTooShort", await RefusalsAsync(Of(11)));
        Assert.Empty(await RefusalsAsync(Of(12)));
    }

    [Fact]
    public async Task PassphrasesUpTo256CharactersAreAcceptedAndLongerRefused()
    {
        Assert.Empty(await RefusalsAsync(Of(128)));
        Assert.Empty(await RefusalsAsync(Of(256)));
        Assert.Equal(["PasswordTooLong"], await RefusalsAsync(Of(257)));
    }

    [Fact]
    public async Task ALongPasswordFromTheShippedCommonListIsRefused()
    {
        Assert.Equal(["PasswordCommon"], await RefusalsAsync("1qaz2wsx3edc"));
        Assert.Equal(["PasswordCommon"], await RefusalsAsync("1QAZ2WSX3EDC"));
    }

    [Fact]
    public async Task APasswordContainingTheEmailNameIsRefused() =>
        Assert.Equal(["PasswordPersonal"], await RefusalsAsync("my name is Walter, hello", "walter@example.org"));

    [Fact]
    public void TheShippedListIsLarge() => Assert.True(PasswordPolicy.CommonCount >= 10_000, $"only {PasswordPolicy.CommonCount} common passwords");
}
