using System.Security.Cryptography;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace FrameworkCompare.Web.Accounts;

/// <summary>A two-factor page to show and the status to show it with.</summary>
public sealed record TwoFactorAnswer(int Status, TwoFactorPage Page);

/// <summary>
/// Turning two-factor sign-in on, moving it to another app, and turning it off. Viewing changes nothing: the key is
/// offered in the page (protected, not stored) and stored by the enrol post. Every change asks for the password, and for
/// a current code while two-factor is on, so a session alone cannot change how the account signs in. Each change moves
/// the security stamp, which ends the account's other sessions; this one is refreshed.
/// </summary>
public sealed class TwoFactorSettings(UserManager<EditorUser> users, SignInManager<EditorUser> signIn, IUserStore<EditorUser> store,
    AuthenticatorSteps steps, IDataProtectionProvider protection, AuditLog audit)
{
    public const string PasswordNotRight = "Your password is not right; nothing was changed.";
    public const string CodeNotRight = "That code is not right; nothing was changed. Codes change every 30 seconds: enter the one your app shows now.";
    static readonly TimeSpan OfferLifetime = TimeSpan.FromMinutes(30);

    readonly ITimeLimitedDataProtector offers = protection.CreateProtector("FrameworkCompare.Accounts.AuthenticatorOffer").ToTimeLimitedDataProtector();

    /// <summary>The page with <paramref name="offered"/> offered again (after a refusal, so the app need not be set up twice), else a new key.</summary>
    public async Task<TwoFactorPage> PageAsync(EditorUser user, string? offered = null, string? error = null, string? status = null, IReadOnlyList<string>? recoveryCodes = null)
    {
        var key = (offered is null ? null : OfferedKey(user, offered)) ?? users.GenerateNewAuthenticatorKey();
        var uri = Authenticator.Uri(user.Email!, key);
        return new TwoFactorPage
        {
            Enabled = await users.GetTwoFactorEnabledAsync(user), IsAdmin = await users.IsInRoleAsync(user, Roles.Admin),
            Enrolment = offers.Protect(user.Id + "\n" + key, OfferLifetime),
            SharedKey = Authenticator.Grouped(key), AuthenticatorUri = uri, QrCodeDataUri = Authenticator.QrCodeDataUri(uri),
            Error = error, Status = status, RecoveryCodes = recoveryCodes ?? [],
        };
    }

    /// <summary>Stores the offered key once the new app's code matches it; while two-factor is on, replaces the app in use.</summary>
    public async Task<TwoFactorAnswer> EnrolAsync(HttpContext http, EditorUser user, TwoFactorForm form)
    {
        if (form.Enrolment is null || OfferedKey(user, form.Enrolment) is not { } key)
            return await RefusedAsync(http, user, null, "offered key expired", "This page was open too long. Add the new key below to your app, then enter its code.");
        var wasEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (await CheckPasswordAsync(http, user, form) is { } wrongPassword) return wrongPassword;
        if (wasEnabled && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Compact(form.CurrentCode)))
            return await CodeRefusedAsync(http, user, form, "current code not right");
        if (AuthenticatorCodes.MatchingStep(key, Compact(form.Code), TimeProvider.System.GetUtcNow()) is not { } step)
            return await CodeRefusedAsync(http, user, form, "enrolment code not right");

        await ((IUserAuthenticatorKeyStore<EditorUser>)store).SetAuthenticatorKeyAsync(user, key, http.RequestAborted);
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        // The enrolment code is used too: it cannot sign in afterwards.
        await steps.ClaimAsync(user.Id, step, http.RequestAborted);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(http, wasEnabled ? "2fa-replaced" : "2fa-enabled", user.Email);
        var done = wasEnabled ? "Two-factor sign-in now uses the new app; the old one’s codes no longer work." : "Two-factor sign-in is now on.";
        return new(StatusCodes.Status200OK, await PageAsync(user, status: done, recoveryCodes: [.. codes]));
    }

    public async Task<TwoFactorAnswer> DisableAsync(HttpContext http, EditorUser user, TwoFactorForm form)
    {
        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            await audit.RecordAsync(http, "2fa-failed", user.Email, "admins may not turn two-factor sign-in off");
            return new(StatusCodes.Status403Forbidden, await PageAsync(user, error: "Two-factor sign-in is required for admins once enrolled, so it cannot be turned off here."));
        }
        if (!await users.GetTwoFactorEnabledAsync(user)) return new(StatusCodes.Status200OK, await PageAsync(user, status: "Two-factor sign-in is off."));
        if (await CheckPasswordAsync(http, user, form) is { } wrongPassword) return wrongPassword;
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Compact(form.Code)))
            return await CodeRefusedAsync(http, user, form, "code not right");

        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(http, "2fa-disabled", user.Email);
        return new(StatusCodes.Status200OK, await PageAsync(user, status: "Two-factor sign-in is now off."));
    }

    /// <summary>A wrong password counts towards the lockout, as at sign-in, so a session cannot be used to guess it.</summary>
    async Task<TwoFactorAnswer?> CheckPasswordAsync(HttpContext http, EditorUser user, TwoFactorForm form)
    {
        var result = await signIn.CheckPasswordSignInAsync(user, form.Password ?? "", lockoutOnFailure: true);
        if (result.Succeeded) return null;
        return await RefusedAsync(http, user, form.Enrolment, result.IsLockedOut ? "locked out" : "password not right",
            result.IsLockedOut ? "This account is locked for a while after too many wrong passwords or codes; nothing was changed." : PasswordNotRight);
    }

    async Task<TwoFactorAnswer> CodeRefusedAsync(HttpContext http, EditorUser user, TwoFactorForm form, string detail)
    {
        await users.AccessFailedAsync(user);
        return await RefusedAsync(http, user, form.Enrolment, detail, CodeNotRight);
    }

    async Task<TwoFactorAnswer> RefusedAsync(HttpContext http, EditorUser user, string? offered, string detail, string error)
    {
        await audit.RecordAsync(http, "2fa-failed", user.Email, detail);
        return new(StatusCodes.Status422UnprocessableEntity, await PageAsync(user, offered, error));
    }

    /// <summary>The key this account was offered, or null when the offer is another account's, altered or expired.</summary>
    string? OfferedKey(EditorUser user, string offered)
    {
        try
        {
            var parts = offers.Unprotect(offered).Split('\n');
            return parts is [var id, var key] && id == user.Id ? key : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    static string Compact(string? code) => (code ?? "").Replace(" ", "").Replace("-", "");

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
