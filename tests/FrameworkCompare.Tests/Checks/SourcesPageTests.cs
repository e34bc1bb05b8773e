using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Checks;

/// <summary>/editor/sources: what the last check found, linked to the lines that cite each source.</summary>
public sealed class SourcesPageTests : IAsyncLifetime
{
    EditorSite site = null!;

    public async Task InitializeAsync() => site = await EditorSite.StartAsync();
    public async Task DisposeAsync() => await site.DisposeAsync();

    async Task StoreAsync(params SourceCheck[] checks)
    {
        using var scope = site.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
        db.SourceChecks.AddRange(checks);
        await db.SaveChangesAsync();
    }

    int LineOf(string path, string text) => Array.FindIndex(site.Content.Read(path).Split('\n'), l => l.Contains(text)) + 1;

    [Fact]
    public async Task ABrokenSourceIsListedWithTheLinesCitingItAndCountedOnTheHomePage()
    {
        var checkedAt = new DateTimeOffset(2025, 9, 30, 4, 0, 0, TimeSpan.Zero);
        await StoreAsync(
            new SourceCheck { Url = "https://django.example.org/orm", Broken = true, Status = 404, Detail = "404", CheckedAt = checkedAt },
            new SourceCheck { Url = "https://flask.example.org/history", Status = 200, RedirectedTo = "https://flask.example.org/about/history", Detail = "200", CheckedAt = checkedAt },
            new SourceCheck { Url = "https://fastapi.example.org/license", Status = 200, Detail = "200", CheckedAt = checkedAt });

        var page = await Html.ParseAsync(await site.Editor.GetAsync("/editor/sources"));

        var broken = Assert.Single(page.QuerySelectorAll("#broken-sources tbody tr"));
        Assert.Equal("https://django.example.org/orm", broken.QuerySelector(".url a")!.GetAttribute("href"));
        Assert.Equal("404", broken.QuerySelector(".status")!.TextContent.Trim());
        Assert.Equal("2025-09-30T04:00:00+00:00", broken.QuerySelector("time")!.GetAttribute("datetime"));
        var citing = Assert.Single(broken.QuerySelectorAll(".cited a"));
        Assert.Equal("/editor/edit/frameworks/django.md", citing.GetAttribute("href"));
        Assert.Equal($"frameworks/django.md:{LineOf("frameworks/django.md", "source: https://django.example.org/orm")}", citing.TextContent);

        var redirected = Assert.Single(page.QuerySelectorAll("#redirected-sources tbody tr"));
        Assert.Equal("https://flask.example.org/about/history", redirected.QuerySelector(".final a")!.TextContent);

        var home = await Html.ParseAsync(await site.Editor.GetAsync("/editor"));
        Assert.Equal("1", home.QuerySelector("#sources + p .broken-sources")!.TextContent);
        Assert.NotNull(home.QuerySelector("nav.workspace-nav a[href='/editor/sources']"));
    }

    [Fact]
    public async Task ReadersCannotSeeIt()
    {
        var response = await site.Site.CreateBrowserLikeClient().GetAsync("/editor/sources");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }
}
