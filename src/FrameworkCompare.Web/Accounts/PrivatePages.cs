namespace FrameworkCompare.Web.Accounts;

/// <summary>
/// Account and editor pages hold personal or unpublished text: no browser or proxy may keep them, and outside
/// Development they are served over HTTPS only, because their cookies are Secure. Path based, so pages added to
/// either area later are covered without remembering to mark them.
/// </summary>
public sealed class PrivatePages(RequestDelegate next, IWebHostEnvironment environment)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/account") && !context.Request.Path.StartsWithSegments("/editor"))
            return next(context);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Pragma = "no-cache";
            return Task.CompletedTask;
        });
        if (context.Request.IsHttps || environment.IsDevelopment()) return next(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            "Signing in and the workspace need HTTPS: open this address with https://, or serve the site behind a TLS proxy " +
            "that sends X-Forwarded-Proto (see ForwardedHeaders:KnownProxies). For local work over http, run in Development.");
    }
}
