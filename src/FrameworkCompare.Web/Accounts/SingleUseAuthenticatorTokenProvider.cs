using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Identity;

namespace FrameworkCompare.Web.Accounts;

/// <summary>
/// Identity's authenticator check with one change: a code is accepted once. Its time step is recorded per account
/// (<see cref="AuthenticatorSteps"/>), and a code for that step or an earlier one is refused, so a code seen over a
/// shoulder or in a proxy log cannot be used again within its 90 seconds.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(AuthenticatorSteps steps) : IUserTwoFactorTokenProvider<EditorUser>
{
    public const string Name = "SingleUseAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<EditorUser> manager, EditorUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; there is nothing to send.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<EditorUser> manager, EditorUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<EditorUser> manager, EditorUser user) =>
        await manager.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key
        // The real clock: authenticator apps use it, whatever clock the site is given.
        && AuthenticatorCodes.MatchingStep(key, token, TimeProvider.System.GetUtcNow()) is { } step
        && await steps.ClaimAsync(user.Id, step);
}
