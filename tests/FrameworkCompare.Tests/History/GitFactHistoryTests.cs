using System.Diagnostics;
using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.History;

/// <summary>Fact changes read from the git history of a temporary repository made here, with commit dates of the test's choosing.</summary>
// Derivation runs in the background after start-up; a loaded machine may take a while, so waits are generous (never timed asserts).
public sealed class GitFactHistoryTests : IAsyncLifetime
{
    readonly TestContent content = new();
    SiteFactory site = null!;

    public async Task InitializeAsync()
    {
        Git(content, null, "init", "--quiet", "--initial-branch=main");
        Commit("2025-03-01T10:00:00Z", "Initial content");
        // 153 days before the tests' fixed day (2025-10-01): history, but not recent.
        content.Replace("frameworks/django.md", "value: 86000", "value: 88000");
        content.Replace("frameworks/django.md", "checked: 2025-04-02\n  rest-api", "checked: 2025-04-20\n  rest-api");
        Commit("2025-05-01T10:00:00Z", "Django stars re-counted");
        // Only a checked date: not a change.
        content.Replace("frameworks/flask.md", "checked: 2025-04-02\n  rest-api", "checked: 2025-06-01\n  rest-api");
        Commit("2025-06-01T10:00:00Z", "Flask stars re-checked");
        // 16 days before: recent.
        content.Replace("frameworks/flask.md", "value: 70000", "value: 75000");
        Commit("2025-09-15T10:00:00Z", "Flask stars re-counted");
        site = new SiteFactory(content, settings: new Dictionary<string, string> { ["Editor:GitCommit"] = "false" });
        await EditorSite.EventuallyAsync(Changes, c => c.Count >= 2, seconds: 60);
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task EachCommittedValueChangeIsAChangeAtItsCommitTimeAndOnlyRecentOnesAreMarked()
    {
        var changes = Changes();
        Assert.Equal(
            [("django", "86000", "88000", new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero)), ("flask", "70000", "75000", new DateTimeOffset(2025, 9, 15, 10, 0, 0, TimeSpan.Zero))],
            changes.Select(c => (c.FrameworkSlug, c.Old.Value!, c.New.Value!, c.ChangedAt)).ToList());
        Assert.All(changes, c => Assert.Equal("github-stars", c.AttributeKey));

        var compare = await site.GetDocumentAsync("/compare/django-vs-flask");
        var cells = compare.QuerySelectorAll("tr#github-stars td");
        Assert.NotNull(cells[0].QuerySelector("a.history"));
        Assert.Null(cells[0].QuerySelector(".recent"));
        Assert.NotNull(cells[1].QuerySelector(".recent"));
        Assert.Single(compare.QuerySelectorAll("td .recent"));

        var history = await site.GetDocumentAsync("/facts/django/github-stars/history");
        Assert.Contains("1 May 2025", history.QuerySelector("table.fact-history tbody th")!.TextContent);
        Assert.Equal(["86,000 stars", "88,000 stars"], history.QuerySelectorAll("table.trend-data tbody td:last-child").Select(td => td.TextContent));
    }

    [Fact]
    public async Task TheChangesPageFiltersByFrameworkAndTheSitemapListsIt()
    {
        var all = await site.GetDocumentAsync("/changes");
        Assert.Equal(["Flask: GitHub stars", "Django: GitHub stars"], all.QuerySelectorAll("ol.changes h2 a").Select(a => a.TextContent));

        var redirect = await site.CreateReader().GetAsync("/changes?framework=flask");
        Assert.Equal("/changes/flask", redirect.Headers.Location!.OriginalString);
        var flask = await site.GetDocumentAsync("/changes/flask");
        Assert.Equal(["Flask: GitHub stars"], flask.QuerySelectorAll("ol.changes h2 a").Select(a => a.TextContent));
        Assert.Equal("flask", flask.QuerySelector("#changes-framework option[selected]")!.GetAttribute("value"));
        Assert.NotNull((await site.GetDocumentAsync("/changes/fastapi")).QuerySelector(".no-changes"));

        var sitemap = await site.CreateReader().GetStringAsync("/sitemap.xml");
        Assert.Contains("/changes</loc>", sitemap);
        Assert.Contains("/changes/django</loc>", sitemap);
    }

    [Fact]
    public async Task AFreshDatabaseOverTheSameRepositoryFindsTheSameChangesAndNoOthers()
    {
        var before = Changes().Select(Row).ToList();
        // The second site shares the content folder (and deletes it when disposed, before the first site is).
        await using var rebuilt = new SiteFactory(content, settings: new Dictionary<string, string> { ["Editor:GitCommit"] = "false" });
        var after = await EditorSite.EventuallyAsync(() => rebuilt.Query(db => db.FactChanges.OrderBy(c => c.ChangedAt).ToList()), c => c.Count >= 2, seconds: 60);
        Assert.Equal(before, after.Select(Row));
        static string Row(FactChange c) => $"{c.FrameworkSlug} {c.AttributeKey} {c.Old.Value} {c.New.Value} {c.ChangedAt:O}";
    }

    [Fact]
    public async Task AFileEditedButNotCommittedWhenTheSiteFirstSeesItIsABaselineNotAChange()
    {
        using var edited = new TestContent();
        Git(edited, null, "init", "--quiet", "--initial-branch=main");
        Commit(edited, "2025-03-01T10:00:00Z", "Initial content");
        edited.Replace("frameworks/django.md", "value: 86000", "value: 99000");

        await using var fresh = new SiteFactory(edited, settings: new Dictionary<string, string> { ["Editor:GitCommit"] = "false" });
        await EditorSite.EventuallyAsync(() => fresh.Query(db => db.Revisions.Count(r => r.Path == "frameworks/django.md")), n => n > 0, seconds: 60);
        await fresh.Services.GetRequiredService<FactHistoryBuilder>().UpdateAsync(null, CancellationToken.None);

        Assert.Empty(fresh.Query(db => db.FactChanges.ToList()));
        Assert.Equal("99,000 stars", (await fresh.GetDocumentAsync("/frameworks/django")).QuerySelector("tr#github-stars td .value")!.TextContent);
    }

    List<FactChange> Changes() => site.Query(db => db.FactChanges.OrderBy(c => c.ChangedAt).ToList());

    void Commit(string date, string message) => Commit(content, date, message);

    internal static void Commit(TestContent folder, string date, string message)
    {
        Git(folder, null, "add", "--all");
        Git(folder, date, "-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "--quiet", "-m", message);
    }

    internal static string Git(TestContent folder, string? date, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        if (date is not null) (start.Environment["GIT_AUTHOR_DATE"], start.Environment["GIT_COMMITTER_DATE"]) = (date, date);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }
}
