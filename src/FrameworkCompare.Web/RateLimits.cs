using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web;

/// <summary>Per-client limits on the endpoints that cost real work (search and exports), on password guessing (sign-in) and on readers' reports and questions.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";
    public int PermitLimit { get; set; } = 60;
    public int WindowSeconds { get; set; } = 60;
    public int SignInPermitLimit { get; set; } = 10;
    public int SignInWindowSeconds { get; set; } = 300;
    public int ReaderPostPermitLimit { get; set; } = 5;
    public int ReaderPostWindowSeconds { get; set; } = 600;
    /// <summary>Pages rendered per request that no cache can hold (verdicts, /content-status), per client and minute.</summary>
    public int CostlyPagePermitLimit { get; set; } = 30;
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
                var kind = KindOf(context.Request);
                if (kind is null) return RateLimitPartition.GetNoLimiter("");
                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                // Each kind has a partition of its own, so searching does not use up a client's sign-in attempts or the reverse.
                return kind switch
                {
                    Kind.SignIn => FixedWindow("sign-in " + client, settings.SignInPermitLimit, settings.SignInWindowSeconds),
                    Kind.ReaderPost => FixedWindow("reader-post " + client, settings.ReaderPostPermitLimit, settings.ReaderPostWindowSeconds),
                    Kind.CostlyPage => FixedWindow("costly-page " + client, settings.CostlyPagePermitLimit, CostlyPageWindowSeconds),
                    // Suggestions as a reader types have a window of their own, so typing does not use up their searches.
                    _ => FixedWindow(context.Request.Path.StartsWithSegments("/search/suggest") ? "suggest " + client : client, settings.PermitLimit, settings.WindowSeconds),
                };
            });
            // API clients get a problem document; pages get the site's error page.
            options.OnRejected = (rejected, _) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : FallbackRetryAfter(rejected.HttpContext);
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Api.ApiTerms.RejectedAsync(rejected.HttpContext, seconds);
            };
        });
    }

    static RateLimitPartition<string> FixedWindow(string key, int permits, int seconds) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(seconds),
            QueueLimit = 0,
        });

    static int FallbackRetryAfter(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
        return KindOf(context.Request) switch
        {
            Kind.SignIn => settings.SignInWindowSeconds,
            Kind.ReaderPost => settings.ReaderPostWindowSeconds,
            Kind.CostlyPage => CostlyPageWindowSeconds,
            _ => settings.WindowSeconds,
        };
    }

    const int CostlyPageWindowSeconds = 60;

    enum Kind { Costly, SignIn, ReaderPost, CostlyPage }

    /// <summary>Whether any limit counts this request (the short path leaves those to the limiter).</summary>
    public static bool Applies(HttpRequest request) => KindOf(request) is not null;

    static Kind? KindOf(HttpRequest request) =>
        IsSignIn(request) ? Kind.SignIn : IsReaderPost(request) ? Kind.ReaderPost : IsCostly(request) ? Kind.Costly
        : IsCostlyPage(request) ? Kind.CostlyPage : null;

    /// <summary>A verdict (one reader's weights) and the content status are rendered for every request.</summary>
    static bool IsCostlyPage(HttpRequest request) =>
        request.Path.StartsWithSegments("/content-status") ||
        (request.Path.StartsWithSegments("/compare") && Services.VerdictQuery.IsRequested(request.Query));

    /// <summary>Reports of wrong facts and readers' questions: public forms, so a client may send only a few.</summary>
    static bool IsReaderPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && (request.Path.StartsWithSegments("/facts") || request.Path.StartsWithSegments("/questions"));

    // Routing also answers "/account/login/", so the trailing slash must not be a way around the limit.
    static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) &&
        request.Path.Value?.TrimEnd('/').ToLowerInvariant() is "/account/login" or "/account/login-2fa";

    static bool IsCostly(HttpRequest request) =>
        request.Path.StartsWithSegments("/search") || request.Path.StartsWithSegments(Api.ApiEndpoints.Prefix) ||
        (request.Path.StartsWithSegments("/compare") && request.Query.ContainsKey("format"));
}
