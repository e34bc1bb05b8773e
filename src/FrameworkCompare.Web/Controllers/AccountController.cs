using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

[Route("account")]
[AutoValidateAntiforgeryToken]
public sealed class AccountController(SignInFlow flow, TwoFactorSettings twoFactor, SignInManager<EditorUser> signIn, UserManager<EditorUser> users, AuditLog audit) : Controller
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

    // POST only: a link or an image on another site must not be able to sign anyone out. A sign-out form loaded before
    // the session ended still works (its token names the old session's user, so the browser binding is checked instead).
    [HttpPost("logout"), BrowserBoundAntiforgery]
    public async Task<IActionResult> Logout([FromServices] SessionStore sessions)
    {
        if (User.Identity?.IsAuthenticated == true) await audit.RecordAsync(HttpContext, "signed-out", User.Identity.Name);
        // Ends the session on the server too, so a copy of the cookie stops working.
        await sessions.EndCurrentAsync(HttpContext);
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [Authorize, HttpPost("logout-everywhere")]
    public async Task<IActionResult> LogoutEverywhere([FromServices] SessionStore sessions)
    {
        var user = await CurrentUserAsync();
        var ended = await sessions.EndAllAsync(user.Id, HttpContext.RequestAborted);
        await audit.RecordAsync(HttpContext, "signed-out-everywhere", user.Email, $"{ended} session(s) ended");
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [Authorize, HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor() => View(await twoFactor.PageAsync(await CurrentUserAsync()));

    /// <summary>Enrols an authenticator app: the key offered by the page, its current code and the password.</summary>
    [Authorize, HttpPost("two-factor/enable")]
    public async Task<IActionResult> EnableTwoFactor(TwoFactorForm form) => TwoFactorView(await twoFactor.EnrolAsync(HttpContext, await CurrentUserAsync(), form));

    [Authorize, HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor(TwoFactorForm form) => TwoFactorView(await twoFactor.DisableAsync(HttpContext, await CurrentUserAsync(), form));

    ViewResult TwoFactorView(TwoFactorAnswer answer)
    {
        Response.StatusCode = answer.Status;
        return View(nameof(TwoFactor), answer.Page);
    }

    async Task<EditorUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");

    /// <summary>After a full sign-in: to the kept draft if there is one, else to a local return URL, else the workspace.</summary>
    async Task<IActionResult> ContinueAsync(string email, string? returnUrl, KeptDraft? keep)
    {
        if (await flow.KeepDraftAsync(email, keep) is { } path) return RedirectToAction("Edit", "Edit", new { area = "Editor", path });
        return LocalRedirect(ReturnUrls.LocalOrDefault(returnUrl, Url.IsLocalUrl));
    }
}
