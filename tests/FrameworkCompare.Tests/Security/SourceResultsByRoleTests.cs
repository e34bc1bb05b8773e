using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Security;

/// <summary>
/// /editor/sources shows what a request to a cited server answered: editors and admins see status and redirect targets,
/// contributors only which sources need attention and where they are cited; nobody sees a query string.
/// </summary>
public sealed class SourceResultsByRoleTests
{
    static readonly DateTimeOffset CheckedAt = new(2025, 9, 30, 4, 0, 0, TimeSpan.Zero);

    static readonly SourceCheck[] Checks =
    [
        new() { Url = "https://django.example.org/orm", Broken = true, Status = null, CheckedAt = CheckedAt,
            RedirectedTo = "http://10.0.0.5/internal-admin?session=SECRET-SESSION", Detail = "redirect refused: 10.0.0.5 is a private address" },
        new() { Url = "https://docs.example.org/api?key=CITED-KEY#part", Broken = true, Status = 503, Detail = "503", CheckedAt = CheckedAt },
        new() { Url = "https://flask.example.org/history", Status = 200, Detail = "200", CheckedAt = CheckedAt,
            RedirectedTo = "https://flask.example.org/about/history?token=SECRET-TOKEN&user=me" },
    ];

    static async Task<AngleSharp.Html.Dom.IHtmlDocument> SourcesPageAsAsync(string role)
    {
        await using var site = await EditorSite.StartAsync(role: role);
        using (var scope = site.Site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
            db.SourceChecks.AddRange(Checks.Select(c => new SourceCheck
            {
                Url = c.Url, Broken = c.Broken, Status = c.Status, RedirectedTo = c.RedirectedTo, Detail = c.Detail, CheckedAt = c.CheckedAt,
            }));
            await db.SaveChangesAsync();
        }
        var response = await site.Editor.GetAsync("/editor/sources");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("admin")]
    public async Task EditorsAndAdminsSeeStatusAndRedirectTargetsWithoutQueryStrings(string role)
    {
        var page = await SourcesPageAsAsync(role);

        var broken = page.QuerySelectorAll("#broken-sources tbody tr");
        Assert.Equal(["https://django.example.org/orm", "https://docs.example.org/api"], broken.Select(r => r.QuerySelector(".url a")!.GetAttribute("href")));
        Assert.Equal(["redirect refused: 10.0.0.5 is a private address", "503"], broken.Select(r => r.QuerySelector(".status")!.TextContent.Trim()));
        var redirected = Assert.Single(page.QuerySelectorAll("#redirected-sources tbody tr"));
        Assert.Equal("https://flask.example.org/about/history", redirected.QuerySelector(".final a")!.GetAttribute("href"));
        Assert.Equal("https://flask.example.org/about/history", redirected.QuerySelector(".final a")!.TextContent);
        AssertNoQueryStrings(page);
    }

    [Fact]
    public async Task ContributorsSeeWhichSourcesNeedWorkButNoDetails()
    {
        var page = await SourcesPageAsAsync("contributor");

        var broken = page.QuerySelectorAll("#broken-sources tbody tr");
        Assert.Equal(["https://django.example.org/orm", "https://docs.example.org/api"], broken.Select(r => r.QuerySelector(".url a")!.GetAttribute("href")));
        Assert.NotNull(broken[0].QuerySelector(".cited a[href='/editor/edit/frameworks/django.md']"));
        Assert.Single(page.QuerySelectorAll("#redirected-sources tbody tr"));
        Assert.Empty(page.QuerySelectorAll(".status, .final"));
        Assert.DoesNotContain(page.QuerySelectorAll("th"), th => th.TextContent is "Status" or "Now at");
        var main = page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent;
        foreach (var detail in new[] { "10.0.0.5", "refused", "private address", "503", "about/history", "internal-admin" })
            Assert.DoesNotContain(detail, main);
        AssertNoQueryStrings(page);
    }

    static void AssertNoQueryStrings(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var html = page.DocumentElement.OuterHtml;
        foreach (var secret in new[] { "SECRET-SESSION", "SECRET-TOKEN", "CITED-KEY", "token=", "session=", "#part" })
            Assert.DoesNotContain(secret, html);
    }
}
