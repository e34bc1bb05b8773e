using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace FrameworkCompare.Web.Accounts;

/// <summary>
/// A signed-out post to a page that needs sign-in answers 401 (the workspace's scripts then keep the text and say the
/// session ended) only when it carries this browser's anti-forgery pair; without one it is a 400, like any other post
/// without a token. The check runs here because the challenge comes before MVC's own anti-forgery filter.
/// </summary>
public sealed class SignedOutChallenge(BrowserBinding binding) : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged && !IsSafe(context.Request.Method) && !await binding.IsValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await standard.HandleAsync(next, context, policy, authorizeResult);
    }

    static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
