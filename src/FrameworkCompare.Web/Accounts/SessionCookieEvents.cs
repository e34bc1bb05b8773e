using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Accounts;

/// <summary>
/// The session cookie's events: signing in starts a server-side session, and every request with the cookie is checked
/// against the database (<see cref="SessionStore.IsCurrentAsync"/>) in place of Identity's interval-based stamp check,
/// which would let an ended session run on for up to 30 minutes.
/// </summary>
public sealed class SessionCookieEvents(IServiceProvider services, IOptions<IdentityOptions> identity) : CookieAuthenticationEvents
{
    ClaimsIdentityOptions Claims => identity.Value.ClaimsIdentity;
    // Resolved when a cookie is signed in or checked: the events are made for every request, and most readers send no cookie,
    // so a database context per request was wasted.
    SessionStore Sessions => services.GetRequiredService<SessionStore>();

    public override async Task SigningIn(CookieSigningInContext context)
    {
        // A refreshed sign-in (after a two-factor change) keeps its properties and so its session.
        if (context.Properties.Items.ContainsKey(SessionStore.PropertyName)) return;
        var userId = context.Principal?.FindFirstValue(Claims.UserIdClaimType) ?? throw new InvalidOperationException("Signing in without a user id.");
        // Signing in again in the same browser replaces its session rather than leaving the old one usable.
        if (SessionStore.IdOf(await context.HttpContext.AuthenticateAsync(context.Scheme.Name)) is { } replaced) await Sessions.EndAsync(replaced);
        context.Properties.Items[SessionStore.PropertyName] = await Sessions.StartAsync(userId);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(Claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(Claims.SecurityStampClaimType);
        context.Properties.Items.TryGetValue(SessionStore.PropertyName, out var sessionId);
        if (userId is not null && stamp is not null && sessionId is not null && await Sessions.IsCurrentAsync(sessionId, userId, stamp, context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) => Challenge(context, StatusCodes.Status401Unauthorized);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) => Challenge(context, StatusCodes.Status403Forbidden);

    /// <summary>
    /// Pages are sent to sign-in (or shown 403); a script's request or a form post gets the bare status, so the
    /// workspace can keep the editor's text instead of losing it in a redirect.
    /// </summary>
    static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (status == StatusCodes.Status403Forbidden || !HttpMethods.IsGet(request.Method) || request.Headers.Accept.ToString().Contains("application/json"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
