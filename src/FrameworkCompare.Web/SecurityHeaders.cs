namespace FrameworkCompare.Web;

/// <summary>Security headers on every response, set by middleware so error pages and static files get them too.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // No inline script or style anywhere: JSON-LD is data, not script, and CSS is one file.
    const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "manifest-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; ";

    const string NoFraming = "frame-ancestors 'none'", AnyFramer = "frame-ancestors *";

    // A badge is drawn with presentation attributes: it needs nothing at all, not even its own styles.
    const string ImagePolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // Read when the response starts, so the routed endpoint's own rule applies. An error page (an embed of a
            // removed framework) keeps the strict rule: only a working embed may be framed.
            var metadata = context.GetEndpoint()?.Metadata;
            var framedAnywhere = metadata?.GetMetadata<FramedByAnySiteAttribute>() is not null && context.Response.StatusCode < 400;
            var sharedImage = metadata?.GetMetadata<SharedImageAttribute>() is not null;
            var policy = sharedImage ? ImagePolicy : Policy + (framedAnywhere ? AnyFramer : NoFraming);
            headers.ContentSecurityPolicy = context.Request.IsHttps && !sharedImage ? policy + "; upgrade-insecure-requests" : policy;
            headers.XContentTypeOptions = "nosniff";
            if (framedAnywhere) headers.Remove("X-Frame-Options");
            else headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), microphone=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Embeds, badges, the API and its description are meant to be read from other sites; pages and assets are not.
            headers["Cross-Origin-Resource-Policy"] = framedAnywhere || sharedImage || IsShared(context.Request.Path) ? "cross-origin" : "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }

    static bool IsShared(PathString path) => path.StartsWithSegments("/api/v1") || path.StartsWithSegments("/openapi");
}

/// <summary>A page other sites may show in an iframe: frame-ancestors allows any site and X-Frame-Options is not sent.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class FramedByAnySiteAttribute : Attribute;

/// <summary>An image other sites may show: Cross-Origin-Resource-Policy cross-origin, and a CSP that allows it nothing.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SharedImageAttribute : Attribute;
