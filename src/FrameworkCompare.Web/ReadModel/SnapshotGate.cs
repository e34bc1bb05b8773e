using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.ReadModel;

/// <summary>
/// Before the first snapshot, a request waits a moment for it (start-up takes about a second), then gets 503 with
/// Retry-After, never a 500: readers retry, and a workspace POST is answered before anything is lost.
/// </summary>
public sealed class SnapshotGate(RequestDelegate next, CurrentSnapshot current, IOptions<ReadModelOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (current.OrNull is null)
        {
            try
            {
                await current.FirstAsync(http.RequestAborted).WaitAsync(TimeSpan.FromSeconds(options.Value.StartupWaitSeconds), http.RequestAborted);
            }
            catch (TimeoutException)
            {
                NotReady(http);
                return;
            }
        }
        try
        {
            await next(http);
        }
        catch (SnapshotNotReadyException) when (!http.Response.HasStarted)
        {
            NotReady(http);
        }
    }

    static void NotReady(HttpContext http)
    {
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "5";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "text/plain; charset=utf-8";
    }
}

public sealed class ReadModelOptions
{
    public const string Section = "ReadModel";

    /// <summary>How long a request made during start-up waits for the first snapshot before it is answered 503.</summary>
    public int StartupWaitSeconds { get; set; } = 10;

    /// <summary>How long start-up work the first page does not need waits for that page at most (see <see cref="AfterFirstPage"/>).</summary>
    public double AfterFirstPageSeconds { get; set; } = 3;
}
