using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web;

/// <summary>Per-client limits on the endpoints that cost real work: search and exports.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";
    public int PermitLimit { get; set; } = 60;
    public int WindowSeconds { get; set; } = 60;
}

public static class RateLimits
{
    public static void AddSiteRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!IsCostly(context.Request)) return RateLimitPartition.GetNoLimiter("");
                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = (rejected, _) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : rejected.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value.WindowSeconds;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }

    static bool IsCostly(HttpRequest request) =>
        request.Path.StartsWithSegments("/search") ||
        (request.Path.StartsWithSegments("/compare") && request.Query.ContainsKey("format"));
}
