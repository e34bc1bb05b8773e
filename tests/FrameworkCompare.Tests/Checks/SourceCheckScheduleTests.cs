using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Checks;
using FrameworkCompare.Web.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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

    [Fact]
    public async Task RedirectsToOtherSchemesAndInsideNeitherStopTheScheduleNorTheSite()
    {
        var okRequests = 0;
        await using var server = await FakeServer.StartAsync(context =>
        {
            var location = context.Request.Path.Value switch
            {
                "/to-data" => "data:text/html,<h1>hi</h1>",
                "/to-file" => "file:///etc/passwd",
                "/to-ftp" => "ftp://ftp.example.org/",
                "/to-inside" => "http://127.0.0.1:1/admin",
                _ => null,
            };
            if (location is null) Interlocked.Increment(ref okRequests);
            else (context.Response.StatusCode, context.Response.Headers.Location) = (302, location);
            return Task.CompletedTask;
        });
        using var content = new TestContent(empty: true);
        content.Write("frameworks/one.md", "---\nslug: one\nvalues:\n" + string.Concat(new[] { "/ok", "/to-data", "/to-file", "/to-ftp", "/to-inside" }
            .Select((p, i) => $"  fact-{i}:\n    source: {server.Url(p)}\n")) + "---\nBody.\n");
        using var site = new SiteFactory(content, settings: new Dictionary<string, string>
        {
            ["SourceChecks:ScheduleHours"] = (1.0 / 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), // a second
            ["SourceChecks:PerHostDelayMs"] = "0",
            ["Outbound:AllowedHosts:0"] = server.HostAndPort,
        });
        var reader = site.CreateReader();

        var rows = await EditorSite.EventuallyAsync(() => site.Query(db => db.SourceChecks.ToList()), r => r.Count == 5);
        await EditorSite.EventuallyAsync(() => Volatile.Read(ref okRequests), n => n >= 3); // later runs came at their time

        Assert.Equal(5, rows.Count);
        Assert.All(rows.Where(r => !r.Url.EndsWith("/ok")), r => Assert.StartsWith("redirect refused: ", r.Detail));
        Assert.True(Volatile.Read(ref okRequests) >= 3);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData(2000.0)] // 83 days: past the 49-day limit of one timer
    [InlineData(1e12)] // past TimeSpan's range
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task AnyScheduleSettingWaitsQuietlyInsteadOfFaulting(double hours)
    {
        using var provider = new ServiceCollection().BuildServiceProvider();
        var schedule = new SourceCheckSchedule(provider.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new SourceCheckOptions { ScheduleHours = hours }), Options.Create(new ContentOptions()),
            TimeProvider.System, NullLogger<SourceCheckSchedule>.Instance);

        await schedule.StartAsync(CancellationToken.None);

        Assert.False(schedule.ExecuteTask!.IsFaulted, schedule.ExecuteTask.Exception?.ToString());
        await schedule.StopAsync(CancellationToken.None);
        Assert.False(schedule.ExecuteTask.IsFaulted);
    }
}
