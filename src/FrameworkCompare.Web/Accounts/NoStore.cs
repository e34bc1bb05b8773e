namespace FrameworkCompare.Web.Accounts;

/// <summary>
/// Account and editor responses hold personal or unpublished text: no browser or proxy may keep them.
/// Path based, so pages added to either area later are covered without remembering to mark them.
/// </summary>
public sealed class NoStore(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/account") || context.Request.Path.StartsWithSegments("/editor"))
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        return next(context);
    }
}
