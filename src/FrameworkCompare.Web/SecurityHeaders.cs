namespace FrameworkCompare.Web;

/// <summary>Security headers on every response, set by middleware so error pages and static files get them too.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // No inline script or style anywhere: JSON-LD is data, not script, and CSS is one file.
    const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "manifest-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.IsHttps ? ContentSecurityPolicy + "; upgrade-insecure-requests" : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), microphone=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // The API and its description are meant to be read from other sites (CORS); pages and assets are not.
            headers["Cross-Origin-Resource-Policy"] = IsShared(context.Request.Path) ? "cross-origin" : "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }

    static bool IsShared(PathString path) => path.StartsWithSegments("/api/v1") || path.StartsWithSegments("/openapi");
}
