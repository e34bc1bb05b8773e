using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Commands;

namespace FrameworkCompare.Tests.Verdict;

/// <summary>scoring.yml as editors meet it: checked by validate, optional, and applied (and cached) as it changes.</summary>
public sealed class ScoringRulesTests : IDisposable
{
    readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    string[] Validate()
    {
        var output = new StringWriter();
        ValidateCommand.Run(content.Root, output);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void TheShippedFormatValidatesCleanly()
    {
        content.Write("scoring.yml", VerdictContent.Scoring);
        Assert.Equal(["8 files checked: 0 errors, 0 warnings"], Validate());
    }

    [Theory]
    [InlineData("missing: zero\n", 1, "field 'missing': 'zero' is not one of: leave-out, middle")]
    [InlineData("types:\n  yesno:\n    points: { yes: 1, no: 0 }\n", 3, "points must be given for each of yes, partial and no (missing: partial)")]
    [InlineData("types:\n  yesno:\n    points: { yes: 2, partial: 0.5, no: 0 }\n", 3, "the points for 'yes' must be a number from 0 to 1")]
    [InlineData("types:\n  number:\n    better: bigger\n", 3, "better must be higher or lower, not 'bigger'")]
    [InlineData("types:\n  colour:\n    skip: true\n", 2, "unknown type 'colour'")]
    [InlineData("attributes:\n  github-stars:\n    points: { yes: 1, partial: 0.5, no: 0 }\n", 3, "points are for yesno attributes")]
    [InlineData("attributes:\n  orm:\n    better: higher\n", 3, "'better' is for number attributes")]
    [InlineData("attributes:\n  speed:\n    better: higher\n", 2, "unknown attribute 'speed': it is not in attributes.yml")]
    [InlineData("attributes:\n  orm:\n    skip: true\n    better: higher\n", 3, "a skipped rule gives no points or better")]
    [InlineData("attributes:\n  orm: yes\n", 2, "'orm' under 'attributes' must have fields")]
    [InlineData("weights: 3\n", 1, "unknown field 'weights'")]
    public void MistakesAreReportedWithTheirLine(string yaml, int line, string message)
    {
        content.Write("scoring.yml", yaml);
        var lines = Validate();
        Assert.Contains(lines, l => l.StartsWith($"scoring.yml:{line}: ") && l.Contains(message));
    }

    [Fact]
    public async Task WithoutScoringRulesThereIsNoVerdictAndAVerdictAddressStillAnswers()
    {
        using var site = new SiteFactory(content);
        var page = await site.GetDocumentAsync("/compare/django-vs-flask?verdict=1&w-data=3");
        Assert.Null(page.QuerySelector("#verdict"));
        Assert.NotNull(page.QuerySelector("#facts"));
        Assert.Contains("no scoring rules", (await site.GetDocumentAsync("/methodology")).QuerySelector("#points + p")!.TextContent);
    }

    [Fact]
    public async Task AChangedRuleFileIsUsedAfterTheImportAndItsMistakesKeepTheLastGoodRules()
    {
        VerdictContent.WriteTo(content);
        using var site = new SiteFactory(content);
        const string verdict = "/compare/flask-vs-quart?verdict=1";
        Assert.Equal("50 / 100", (await site.GetDocumentAsync(verdict)).QuerySelectorAll("ol.ranking .score")[1].TextContent);

        // Counting the unknown ORM as half a point: Quart's data score becomes 50 and its total (100 + 50) / 2 = 75.
        content.Write("scoring.yml", VerdictContent.Scoring.Replace("missing: leave-out", "missing: middle"));
        await site.ImportAsync();
        var page = await site.GetDocumentAsync(verdict);
        Assert.Equal(["75 / 100", "50 / 100"], page.QuerySelectorAll("ol.ranking .score").Select(s => s.TextContent));
        Assert.Contains("counted as half the points", page.QuerySelector("ol.ranking .missing")!.TextContent);

        content.Write("scoring.yml", "missing: never\n");
        var result = await site.ImportAsync();
        Assert.Contains(result.Problems, p => p.File == "scoring.yml" && p.Message.Contains("'never'"));
        Assert.Equal(["75 / 100", "50 / 100"], (await site.GetDocumentAsync(verdict)).QuerySelectorAll("ol.ranking .score").Select(s => s.TextContent));
    }

    [Fact]
    public async Task ARuleNamingAnAttributeTheCatalogGainsLaterAppliesOnceItIsThere()
    {
        VerdictContent.WriteTo(content);
        content.Write("scoring.yml", VerdictContent.Scoring + "\nattributes:\n  speed:\n    better: lower\n");
        using var site = new SiteFactory(content);
        Assert.Null((await site.GetDocumentAsync("/compare/django-vs-flask?verdict=1")).QuerySelector("#verdict"));

        content.Replace("attributes.yml", "attributes:\n", "attributes:\n  - key: speed\n    label: Speed\n    category: data\n    type: number\n    unit: ms\n    description: Time to first byte.\n    order: 9\n");
        await site.ImportAsync();
        Assert.Equal(2, (await site.GetDocumentAsync("/compare/django-vs-flask?verdict=1")).QuerySelectorAll("ol.ranking > li").Length);
    }

    [Fact]
    public async Task VerdictsAreRenderedPerRequestWhileThePlainPageStaysCached()
    {
        using var site = new CachingTests.CountingSite();
        VerdictContent.WriteTo(site.Content);
        var reader = site.CreateReader();
        const string path = "/compare/django-vs-flask";
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
        Assert.Equal(1, site.Renders[path]);

        var first = await site.GetDocumentAsync(path + "?verdict=1");
        var other = await site.GetDocumentAsync(path + "?verdict=1&w-overview=0&w-data=0&use=rest-api");
        Assert.Equal("Django", first.QuerySelector("ol.ranking .standing strong")!.TextContent);
        Assert.Equal("Flask", other.QuerySelector("ol.ranking .standing strong")!.TextContent);
        await site.GetDocumentAsync(path + "?verdict=1");
        Assert.Equal(4, site.Renders[path]);

        // The plain page is still the cached one, without a verdict.
        var plain = await Html.ParseAsync(await reader.GetAsync(path));
        Assert.Empty(plain.QuerySelectorAll("ol.ranking"));
        Assert.Equal(4, site.Renders[path]);
    }
}
