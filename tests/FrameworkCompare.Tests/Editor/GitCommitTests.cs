using System.Diagnostics;
using System.Net;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Editor;

/// <summary>Publishing commits to git when content/ is in a work tree: only in temporary repositories made here.</summary>
public sealed class GitCommitTests : IAsyncLifetime
{
    const string ArticlePath = "articles/django-vs-flask.md";
    EditorSite site = null!;

    public async Task InitializeAsync()
    {
        site = await EditorSite.StartAsync(new Dictionary<string, string> { ["Editor:GitCommit"] = "true" });
        Git("init", "--quiet", "--initial-branch=main");
        Git("add", "--all");
        Git("-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "--quiet", "-m", "Initial content");
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task APublishIsCommittedWithTheEditorAsAuthorAndOnlyItsPath()
    {
        site.Content.Write("faq/is-django-still-relevant.md", site.Content.Read("faq/is-django-still-relevant.md") + "\nStaged by someone else.\n");
        Git("add", "faq/is-django-still-relevant.md");
        var text = site.Content.Read(ArticlePath).Replace("More words.", "Committed words.");

        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync(ArticlePath, text, message: "Reword the detail")).StatusCode);

        Assert.Equal($"ed|{EditorSite.EditorEmail}|Reword the detail", Git("log", "-1", "--format=%an|%ae|%s").Trim());
        Assert.Equal(ArticlePath, Git("show", "--name-only", "--format=", "HEAD").Trim());
        Assert.Equal("M  faq/is-django-still-relevant.md", Git("status", "--porcelain").Trim());
    }

    [Fact]
    public async Task DuringAMergeThePublishStandsButTheCommitIsSkippedWithAWarning()
    {
        var head = Git("rev-parse", "HEAD").Trim();
        File.WriteAllText(Path.Combine(site.Content.Root, ".git", "MERGE_HEAD"), head + "\n");
        var text = site.Content.Read(ArticlePath).Replace("More words.", "Published mid-merge.");

        var response = await site.PostEditAsync(ArticlePath, text);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(text, site.Content.Read(ArticlePath));
        Assert.Equal(head, Git("rev-parse", "HEAD").Trim());
        var page = await site.OpenEditorAsync(ArticlePath);
        Assert.Contains("not committed", page.QuerySelector(".warning")!.TextContent);
        Assert.Contains(site.Revisions(ArticlePath), r => r.Text == text);
    }

    string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = site.Content.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {output}");
        return output;
    }
}
