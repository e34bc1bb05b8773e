using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.ReadModel;

/// <summary>
/// Start-up work the first page does not need (the import of what changed while the site was down, the search index,
/// outside changes, the fact history, housekeeping) waits until the first response has been sent, so the first reader
/// does not share two cores with it. It goes ahead anyway ReadModel:AfterFirstPageSeconds after it began waiting, or
/// as soon as something needs it (a search, the export).
/// </summary>
public sealed class AfterFirstPage(IOptions<ReadModelOptions> options)
{
    readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReleased => released.Task.IsCompleted;

    public void Release() => released.TrySetResult();

    public async Task WaitAsync(CancellationToken ct)
    {
        try
        {
            await released.Task.WaitAsync(TimeSpan.FromSeconds(options.Value.AfterFirstPageSeconds), ct);
        }
        catch (TimeoutException)
        {
            Release();
        }
    }

    /// <summary>Releases the waiting work once the first response has been sent, whatever it was.</summary>
    public static void UseAfterFirstPage(IApplicationBuilder app)
    {
        var after = app.ApplicationServices.GetRequiredService<AfterFirstPage>();
        app.Use((http, next) =>
        {
            if (!after.IsReleased) http.Response.OnCompleted(() => { after.Release(); return Task.CompletedTask; });
            return next(http);
        });
    }
}
