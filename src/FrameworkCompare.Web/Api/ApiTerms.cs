using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FrameworkCompare.Web.Api;

/// <summary>What every API answer carries: the data's licence (in the body and a Link header), caching and problem bodies.</summary>
public static class ApiTerms
{
    public const string LicenseName = "CC BY 4.0", LicenseUrl = "https://creativecommons.org/licenses/by/4.0/";
    /// <summary>Browsers and proxies may keep an answer this long; the ETag makes checking again after that cheap.</summary>
    public const string CacheControl = "public, max-age=300";

    public static string Attribution(HttpContext http) =>
        $"Data from FrameworkCompare ({ApiMapping.Absolute(http, "/")}), {LicenseName}. Facts carry their own sources and check dates.";

    public static string TermsUrl(HttpContext http) =>
        ApiMapping.Absolute(http, http.RequestServices.GetRequiredService<LinkGenerator>().ApiReferencePath()) + "#license";

    public static ApiLicense License(HttpContext http) => new(LicenseName, LicenseUrl, Attribution(http), TermsUrl(http));

    /// <summary>The Link header to the licence, for clients that read headers rather than bodies.</summary>
    public static void AddHeaders(HttpContext http)
    {
        http.Response.Headers.Append("Link", $"<{LicenseUrl}>; rel=\"license\", <{TermsUrl(http)}>; rel=\"terms-of-service\"");
        http.Response.Headers.CacheControl = CacheControl;
    }

    public static ProblemHttpResult Problem(int status, string title, string detail, IReadOnlyList<string>? suggestions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: suggestions is { Count: > 0 } ? new Dictionary<string, object?> { ["suggestions"] = suggestions } : null);

    /// <summary>A 429 under the API prefix answers with a problem document (Retry-After is already set).</summary>
    public static ValueTask RejectedAsync(HttpContext http, int retryAfterSeconds)
    {
        if (!http.Request.Path.StartsWithSegments(ApiEndpoints.Prefix)) return ValueTask.CompletedTask;
        AddHeaders(http);
        http.Response.Headers.CacheControl = "no-store";
        var problem = Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This client has made too many requests; try again in {retryAfterSeconds} seconds.");
        return new ValueTask(problem.ExecuteAsync(http));
    }

    /// <summary>An endpoint filter: the headers go on before the handler's result is written, problems included.</summary>
    public sealed class Headers : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            AddHeaders(context.HttpContext);
            return next(context);
        }
    }
}
