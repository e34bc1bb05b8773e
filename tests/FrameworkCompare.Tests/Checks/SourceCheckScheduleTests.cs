using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Checks;

/// <summary>SourceChecks:ScheduleHours: the site checks its sources by itself, one interval after start-up, storing only results.</summary>
public sealed class SourceCheckScheduleTests
{
    [Fact]
    public async Task TheScheduleStoresResultsAfterOneIntervalAndLeavesContentAlone()
    {
        await using var server = await FakeServer.StartAsync(context => { context.Response.StatusCode = 404; return Task.CompletedTask; });
        using var content = new TestContent(empty: true);
        var profile = $"---\nslug: one\nwebsite: {server.Url("/gone")}\n---\nBody.\n";
        content.Write("frameworks/one.md", profile);
        using var site = new SiteFactory(content, settings: new Dictionary<string, string>
        {
            ["SourceChecks:ScheduleHours"] = (2.0 / 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), // two seconds
            ["SourceChecks:PerHostDelayMs"] = "0",
            ["Outbound:AllowedHosts:0"] = server.HostAndPort,
        });
        site.CreateReader(); // starts the host

        Assert.Empty(site.Query(db => db.SourceChecks.ToList())); // not at start-up
        var rows = await EditorSite.EventuallyAsync(() => site.Query(db => db.SourceChecks.ToList()), r => r.Count > 0);

        var row = Assert.Single(rows);
        Assert.Equal((server.Url("/gone"), true, 404), (row.Url, row.Broken, row.Status));
        Assert.Equal(profile, content.Read("frameworks/one.md"));
    }
}
