using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

[Route("account")]
[AutoValidateAntiforgeryToken]
public sealed class AccountController(SignInFlow flow, SignInManager<EditorUser> signIn, UserManager<EditorUser> users, AuditLog audit) : Controller
{
    public const string WrongCredentials = "The email address or password is not right. Check both and try again.";
    public const string LockedOut = "This account is locked for a while after too many failed sign-ins. Try again in 15 minutes.";

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!SignInFlow.IsAcceptable(form.Keep)) ModelState.AddModelError("", "The kept text is not a content file’s, or is longer than a content file may be.");
        if (!ModelState.IsValid) return View(form);
        switch (await flow.PasswordAsync(HttpContext, form.Email!, form.Password!))
        {
            case SignInOutcome.SignedIn:
                return await ContinueAsync(form.Email!, form.ReturnUrl, form.Keep);
            case SignInOutcome.NeedsSecondFactor:
                // Rendered rather than redirected, so kept text stays in the form instead of travelling in a URL.
                return View(nameof(LoginTwoFactor), new TwoFactorLoginForm { ReturnUrl = form.ReturnUrl, Keep = form.Keep });
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", LockedOut);
                break;
            default:
                ModelState.AddModelError("", WrongCredentials);
                break;
        }
        return View(form);
    }

    [HttpGet("login-2fa")]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login), new { returnUrl })
            : View(new TwoFactorLoginForm { ReturnUrl = returnUrl });

    [HttpPost("login-2fa")]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorLoginForm form)
    {
        if (!SignInFlow.IsAcceptable(form.Keep)) ModelState.AddModelError("", "The kept text is not a content file’s, or is longer than a content file may be.");
        if (!ModelState.IsValid) return View(form);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        switch (await flow.SecondFactorAsync(HttpContext, form.Code!))
        {
            case SignInOutcome.SignedIn:
                return await ContinueAsync(user!.UserName!, form.ReturnUrl, form.Keep);
            case SignInOutcome.Expired:
                ModelState.AddModelError("", "The sign-in took too long. Enter your email and password again.");
                return View(nameof(Login), new LoginForm { ReturnUrl = form.ReturnUrl, Keep = form.Keep });
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", LockedOut);
                break;
            default:
                ModelState.AddModelError(nameof(form.Code), "That code is not right. Codes change every 30 seconds; try the current one, or a recovery code.");
                break;
        }
        return View(form);
    }

    // POST only: a link or an image on another site must not be able to sign anyone out.
    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        if (User.Identity?.IsAuthenticated == true) await audit.RecordAsync(HttpContext, "signed-out", User.Identity.Name);
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [Authorize, HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor() => View(await TwoFactorPageAsync());

    [Authorize, HttpPost("two-factor/enable")]
    public async Task<IActionResult> EnableTwoFactor(string? code)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        var compact = (code ?? "").Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, compact))
        {
            await audit.RecordAsync(HttpContext, "2fa-failed", user.Email, "enrolment code not right");
            return View(nameof(TwoFactor), await TwoFactorPageAsync(error: "That code is not right. Enter the six digits your app shows now."));
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(HttpContext, "2fa-enabled", user.Email);
        return View(nameof(TwoFactor), await TwoFactorPageAsync(status: "Two-factor sign-in is now on.", recoveryCodes: [.. codes]));
    }

    [Authorize, HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            await audit.RecordAsync(HttpContext, "2fa-failed", user.Email, "admins may not turn two-factor sign-in off");
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return View(nameof(TwoFactor), await TwoFactorPageAsync(error: "Two-factor sign-in is required for admins once enrolled, so it cannot be turned off here."));
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(HttpContext, "2fa-disabled", user.Email);
        return View(nameof(TwoFactor), await TwoFactorPageAsync(status: "Two-factor sign-in is now off."));
    }

    async Task<TwoFactorPage> TwoFactorPageAsync(string? error = null, string? status = null, IReadOnlyList<string>? recoveryCodes = null)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
        if (await users.GetTwoFactorEnabledAsync(user))
            return new TwoFactorPage { Enabled = true, IsAdmin = isAdmin, Error = error, Status = status, RecoveryCodes = recoveryCodes ?? [] };
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp; without a fresh cookie the session would end at its next check.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was made.");
        }
        var uri = Authenticator.Uri(user.Email!, key);
        return new TwoFactorPage
        {
            IsAdmin = isAdmin, SharedKey = Authenticator.Grouped(key), AuthenticatorUri = uri, QrCodeDataUri = Authenticator.QrCodeDataUri(uri),
            Error = error, Status = status,
        };
    }

    /// <summary>After a full sign-in: to the kept draft if there is one, else to a local return URL, else the workspace.</summary>
    async Task<IActionResult> ContinueAsync(string email, string? returnUrl, KeptDraft? keep)
    {
        if (await flow.KeepDraftAsync(email, keep) is { } path) return RedirectToAction("Edit", "Edit", new { area = "Editor", path });
        return LocalRedirect(ReturnUrls.LocalOrDefault(returnUrl, Url.IsLocalUrl));
    }
}
