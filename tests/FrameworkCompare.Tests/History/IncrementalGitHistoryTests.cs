using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.Extensions.DependencyInjection;
using static FrameworkCompare.Tests.History.GitFactHistoryTests;

namespace FrameworkCompare.Tests.History;

/// <summary>
/// A restart derives the fact history of only the commits since the last one derived, and all of it again when that
/// commit is no longer an ancestor of HEAD. The second site shares the first one's database and repository.
/// </summary>
// Derivation runs in the background after start-up; waits are generous for a loaded machine (never timed asserts).
public sealed class IncrementalGitHistoryTests : IAsyncLifetime
{
    const string Django = "frameworks/django.md", Flask = "frameworks/flask.md";
    static readonly Dictionary<string, string> NoCommits = new() { ["Editor:GitCommit"] = "false" };
    readonly TestContent content = new();
    SiteFactory first = null!;

    public async Task InitializeAsync()
    {
        Git(content, null, "init", "--quiet", "--initial-branch=main");
        Commit(content, "2025-03-01T10:00:00Z", "Initial content");
        content.Replace(Django, "value: 86000", "value: 88000");
        Commit(content, "2025-05-01T10:00:00Z", "Django stars re-counted");
        content.Replace(Flask, "value: 70000", "value: 75000");
        Commit(content, "2025-09-15T10:00:00Z", "Flask stars re-counted");
        first = new SiteFactory(content, settings: NoCommits);
        await DerivedAsync(first);
        Assert.Equal(2, Changes(first).Count);
    }

    public async Task DisposeAsync() => await first.DisposeAsync();

    string Head() => Git(content, null, "rev-parse", "HEAD").Trim();

    /// <summary>Waits until the site has derived the history up to HEAD.</summary>
    async Task DerivedAsync(SiteFactory site)
    {
        var head = Head();
        var mark = await EditorSite.EventuallyAsync(() => site.Query(db => db.FactHistoryMarks.SingleOrDefault()?.Commit), c => c == head, seconds: 60);
        Assert.Equal(head, mark);
    }

    static List<FactChange> Changes(SiteFactory site) => site.Query(db => db.FactChanges.OrderBy(c => c.ChangedAt).ToList());

    static FactHistoryBuilder Builder(SiteFactory site) => site.Services.GetRequiredService<FactHistoryBuilder>();

    SiteFactory Restart()
    {
        var next = new SiteFactory(content, first.DatabasePath, settings: NoCommits);
        next.CreateClient();
        return next;
    }

    [Fact]
    public void TheFirstStartDerivesEveryProfile()
    {
        Assert.Equal(["frameworks/django.md", "frameworks/fastapi.md", "frameworks/flask.md"], Builder(first).Derived.Distinct().Order());
    }

    [Fact]
    public async Task ARestartWithNoNewCommitDerivesNothing()
    {
        await using var restarted = Restart();
        // Whether or not the start-up pass has run yet, this one waits for it and finds nothing to do either.
        await Builder(restarted).UpdateAsync(null, CancellationToken.None);
        Assert.Empty(Builder(restarted).Derived);
        Assert.Equal(2, Changes(restarted).Count);
    }

    [Fact]
    public async Task ANewCommitDerivesOnlyTheProfileItChanged()
    {
        content.Replace(Flask, "value: 75000", "value: 76000");
        Commit(content, "2025-09-20T10:00:00Z", "Flask stars re-counted again");
        await using var restarted = Restart();
        await DerivedAsync(restarted);
        await Builder(restarted).UpdateAsync(null, CancellationToken.None);

        Assert.NotEmpty(Builder(restarted).Derived);
        Assert.All(Builder(restarted).Derived, path => Assert.Equal(Flask, path));
        // The restart saw the file changed on disk, so the new value is a change when the site saw it; none twice.
        Assert.Equal(
            [("django", "86000", "88000"), ("flask", "70000", "75000"), ("flask", "75000", "76000")],
            Changes(restarted).Select(c => (c.FrameworkSlug, c.Old.Value!, c.New.Value!)));
    }

    [Fact]
    public async Task ARewrittenHistoryIsDerivedFromTheStart()
    {
        // The same text, committed on another day: only a derivation from the start can see it.
        Git(content, "2025-09-20T10:00:00Z", "-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "--quiet", "--amend", "--no-edit", "--reset-author");
        await using var restarted = Restart();
        await DerivedAsync(restarted);

        Assert.Equal([Django, "frameworks/fastapi.md", Flask], Builder(restarted).Derived.Distinct().Order());
        var changes = Changes(restarted);
        Assert.Equal([("django", "88000"), ("flask", "75000")], changes.Select(c => (c.FrameworkSlug, c.New.Value!)));
        Assert.Equal(new DateTimeOffset(2025, 9, 20, 10, 0, 0, TimeSpan.Zero), changes[1].ChangedAt);
    }
}
