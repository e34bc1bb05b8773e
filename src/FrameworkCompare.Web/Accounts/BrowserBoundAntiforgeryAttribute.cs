using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace FrameworkCompare.Web.Accounts;

/// <summary>
/// For a post that must work after the session ended (a save, sign-out): signed in, the full anti-forgery check;
/// signed out, the browser binding (<see cref="BrowserBinding"/>). Either way a post without a token is a 400.
/// Replaces the site-wide check on the action it marks.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserBoundAntiforgeryAttribute : Attribute, IAsyncAuthorizationFilter, IAntiforgeryPolicy, IOrderedFilter
{
    /// <summary>Where ASP.NET Core's own check runs: after the request size and form limits, before model binding.</summary>
    public int Order => 1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (!context.IsEffectivePolicy<IAntiforgeryPolicy>(this)) return;
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return;
        var valid = http.User.Identity?.IsAuthenticated == true
            ? await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http)
            : await http.RequestServices.GetRequiredService<BrowserBinding>().IsValidAsync(http);
        if (!valid) context.Result = new AntiforgeryValidationFailedResult();
    }
}
