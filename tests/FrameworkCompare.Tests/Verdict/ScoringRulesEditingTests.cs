using System.Net;
using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Verdict;

/// <summary>Editors change scoring.yml in the workspace like any content file: checked on publish, used at once.</summary>
public sealed class ScoringRulesEditingTests : IAsyncLifetime
{
    EditorSite site = null!;

    public async Task InitializeAsync()
    {
        site = await EditorSite.StartAsync();
        VerdictContent.WriteTo(site.Content);
        await site.Site.ImportAsync();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task ABrokenRuleIsRefusedByLineAndAGoodOneChangesTheVerdict()
    {
        var broken = VerdictContent.Scoring + "\nattributes:\n  speed:\n    better: higher\n";
        var response = await site.PostEditAsync("scoring.yml", broken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = Assert.Single((await Html.ParseAsync(response)).QuerySelectorAll(".problems.blocking li"));
        Assert.Contains("scoring.yml:8", problem.TextContent);
        Assert.Contains("unknown attribute 'speed'", problem.TextContent);
        Assert.Equal(VerdictContent.Scoring, site.Content.Read("scoring.yml"));

        // Unknown values counted as half a point: Quart's ORM makes its total (100 + 50) / 2 = 75.
        response = await site.PostEditAsync("scoring.yml", VerdictContent.Scoring.Replace("leave-out", "middle"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await site.Site.GetDocumentAsync("/compare/flask-vs-quart?verdict=1");
        Assert.Equal(["75 / 100", "50 / 100"], page.QuerySelectorAll("ol.ranking .score").Select(s => s.TextContent));
    }
}
