namespace FrameworkCompare.Web.Accounts;

/// <summary>
/// Account and editor pages hold personal or unpublished text: no browser or proxy may keep them. Outside
/// Development, they and every form post need HTTPS, because the session and anti-forgery cookies are Secure
/// and __Host- prefixed: over plain http the site says so instead of failing. Path based, so pages added later
/// are covered without remembering to mark them.
/// </summary>
public sealed class PrivatePages(RequestDelegate next)
{
    public const string NeedsHttps =
        "Signing in, the workspace and the site's forms need HTTPS: open this address with https://, or serve the site behind a TLS proxy " +
        "that sends X-Forwarded-Proto (see ForwardedHeaders:KnownProxies). For local work over http, run in Development.";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isPrivate = request.Path.StartsWithSegments("/account") || request.Path.StartsWithSegments("/editor");
        if (isPrivate)
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        var needsHttps = isPrivate || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (!needsHttps || FormsAvailable(context)) return next(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(NeedsHttps);
    }

    /// <summary>Whether this request can carry a form with an anti-forgery token: over HTTPS, or anywhere in Development.</summary>
    public static bool FormsAvailable(HttpContext context) =>
        context.Request.IsHttps || context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment();
}
