using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Content;
using Microsoft.Extensions.DependencyInjection;

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

        Assert.Equal(200, await StatusOnceImportedAsync("/compare/bottle-vs-django", 200));
    }

    [Fact]
    public async Task AnArticleSavedByHandIsImportedAloneAndARemovedOneIsGone()
    {
        var reads = site.Services.GetRequiredService<ContentReadCounter>();
        var files = reads.Files;

        site.Content.Write("articles/by-hand.md", TestContent.Article("by-hand", "Saved by hand", "[django]"));

        Assert.Equal(200, await StatusOnceImportedAsync("/articles/by-hand", 200));
        Assert.Equal(1, reads.Files - files);
        site.Content.Delete("articles/by-hand.md");
        Assert.Equal(410, await StatusOnceImportedAsync("/articles/by-hand", 410));
    }

    /// <summary>The watcher waits for a quiet moment, then imports; allow generous slack for a busy machine.</summary>
    async Task<int> StatusOnceImportedAsync(string path, int expected)
    {
        var reader = site.CreateReader();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var status = 0;
        while (DateTime.UtcNow < deadline && status != expected)
        {
            await Task.Delay(100);
            status = (int)(await reader.GetAsync(path)).StatusCode;
        }
        return status;
    }
}
