using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.ReadModel;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.ReadModel;

/// <summary>
/// A restart answers its first page from the snapshot the database holds; what changed while the site was down, the
/// search index and the other start-up work come after that page, so the first reader does not share the cores with them.
/// </summary>
public sealed class AfterFirstPageTests
{
    const string Flask = "frameworks/flask.md";

    /// <summary>A site that waits up to ten minutes for its first page and does not wait for its start-up import.</summary>
    sealed class Waiting(TestContent content, string databasePath)
        : SiteFactory(content, databasePath, settings: new Dictionary<string, string> { ["ReadModel:AfterFirstPageSeconds"] = "600" })
    {
        protected override bool WaitForStartup => false;

        public Task Imported => Services.GetRequiredService<ReadModelStartup>().Completed;

        public IReadOnlyList<string> Parsed => Services.GetRequiredService<ParseCounter>().Paths;
    }

    [Fact]
    public async Task ARestartImportsWhatChangedOnlyAfterItsFirstPage()
    {
        using var first = new SiteFactory();
        first.CreateClient();
        first.Content.Replace(Flask, "summary: Flask in one line.", "summary: Flask, now shorter.");

        await using var restarted = new Waiting(first.Content, first.DatabasePath);
        var reader = restarted.CreateReader();
        await restarted.Services.GetRequiredService<CurrentSnapshot>().FirstAsync(CancellationToken.None);
        Assert.False(restarted.Imported.IsCompleted);
        Assert.Empty(restarted.Parsed);

        Assert.Contains("Flask in one line.", await reader.GetStringAsync("/frameworks/flask"));
        await restarted.Imported.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal([Flask], restarted.Parsed);
        Assert.Contains("Flask, now shorter.", await reader.GetStringAsync("/frameworks/flask"));
    }

    [Fact]
    public async Task ASearchAsTheFirstPageDoesNotWaitForItself()
    {
        using var first = new SiteFactory();
        first.CreateClient();

        await using var restarted = new Waiting(first.Content, first.DatabasePath);
        var reader = restarted.CreateReader();
        reader.Timeout = TimeSpan.FromMinutes(1);
        var page = await reader.GetStringAsync("/search?q=flask");

        Assert.Contains("/frameworks/flask", page);
    }
}
