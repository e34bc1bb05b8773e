using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests;

public sealed class WatcherTests : IDisposable
{
    readonly SiteFactory site = new(watch: true);

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task AFileAddedWhileTheSiteRunsIsServedWithoutARestart()
    {
        var reader = site.CreateReader();
        Assert.Equal(404, (int)(await reader.GetAsync("/compare/bottle-vs-django")).StatusCode);

        site.Content.Write("frameworks/bottle.md", TestContent.Framework("bottle", "Bottle"));

        // The watcher waits for a quiet moment, then imports; allow generous slack for a busy machine.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var status = 0;
        while (DateTime.UtcNow < deadline && status != 200)
        {
            await Task.Delay(100);
            status = (int)(await reader.GetAsync("/compare/bottle-vs-django")).StatusCode;
        }
        Assert.Equal(200, status);
    }
}
