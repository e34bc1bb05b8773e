using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Identity;

namespace FrameworkCompare.Web.Accounts;

public enum SignInOutcome { SignedIn, NeedsSecondFactor, LockedOut, Failed, Expired }

/// <summary>Sign-in by password and then, when enrolled, by a second factor; every outcome logged and audited.</summary>
public sealed class SignInFlow(SignInManager<EditorUser> signIn, UserManager<EditorUser> users, IPasswordHasher<EditorUser> hasher,
    AuditLog audit, DraftStore drafts, ILogger<SignInFlow> log)
{
    public const string DefaultReturnUrl = "/editor";

    /// <summary>A hash of a random password, made by the site's own hasher the first time it is needed.</summary>
    static string? decoyHash;

    public async Task<SignInOutcome> PasswordAsync(HttpContext http, string email, string password)
    {
        var user = await users.FindByNameAsync(email);
        if (user is null)
        {
            // An unknown address costs the same password hash as a known one, so the time taken does not say which it is.
            var decoy = new EditorUser();
            decoyHash ??= hasher.HashPassword(decoy, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            hasher.VerifyHashedPassword(decoy, decoyHash, password);
            return await FailedAsync(http, email, lockedOut: false, "password");
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return await SignedInAsync(http, user);
        if (result.RequiresTwoFactor) return SignInOutcome.NeedsSecondFactor;
        return await FailedAsync(http, email, result.IsLockedOut, "password");
    }

    /// <summary>A six-digit code is taken as the authenticator's; anything else as a recovery code.</summary>
    public async Task<SignInOutcome> SecondFactorAsync(HttpContext http, string code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return SignInOutcome.Expired;
        var compact = code.Replace(" ", "");
        var result = compact.Length == 6 && compact.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(compact, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(compact);
        if (result.Succeeded) return await SignedInAsync(http, user, compact.Length == 6 ? "authenticator" : "recovery code");
        await audit.RecordAsync("2fa-failed", user.Email, user.Email, null, Client(http));
        return await FailedAsync(http, user.Email ?? "", result.IsLockedOut, "second factor");
    }

    /// <summary>A kept draft names a content file the workspace edits, or nothing.</summary>
    public static bool IsAcceptable(KeptDraft? keep) =>
        keep is null || !keep.IsPresent || (ContentPath.Normalise(keep.Path) is not null && keep.Text!.Length <= DraftStore.MaxTextLength);

    /// <summary>Saves a kept draft, if any, and returns its content path: the editor continues there.</summary>
    public async Task<string?> KeepDraftAsync(string email, KeptDraft? keep)
    {
        if (keep is not { IsPresent: true } || ContentPath.Normalise(keep.Path) is not { } path || await users.FindByNameAsync(email) is not { } user) return null;
        await drafts.SaveAsync(user.Id, path, keep.Text!, NullIfEmpty(keep.BaseHash), NullIfEmpty(keep.Message));
        return path;
    }

    async Task<SignInOutcome> SignedInAsync(HttpContext http, EditorUser? user, string? how = null)
    {
        await audit.RecordAsync("signed-in", user?.Email, user?.Email, how, Client(http));
        return SignInOutcome.SignedIn;
    }

    async Task<SignInOutcome> FailedAsync(HttpContext http, string email, bool lockedOut, string step)
    {
        var action = lockedOut ? "locked-out" : "sign-in-failed";
        log.LogWarning("Sign-in refused ({Action}, {Step}) for {Email} from {Client}", action, step, email, Client(http));
        await audit.RecordAsync(action, null, email, step, Client(http));
        return lockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }

    static string? Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
