using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Tests.Editor;

public sealed class FactEditingTests : IAsyncLifetime
{
    const string FlaskPath = "frameworks/flask.md";
    EditorSite site = null!;

    public async Task InitializeAsync()
    {
        site = await EditorSite.StartAsync();
        // One profile checked long ago, so it has stale facts on the test's fixed day (2025-10-01).
        site.Content.Write(FlaskPath, TestContent.Framework("flask", "Flask", orm: "no", stars: "70000", checkedOn: "2023-01-15"));
        await site.Site.ImportAsync();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task EditingOneFactChangesOnlyItsLinesAndReadersSeeIt()
    {
        var before = site.Content.Read("frameworks/django.md");

        var response = await PostFactAsync("django", "orm", new() { ["Value"] = "partial", ["Source"] = "https://docs.example.org/orm", ["Checked"] = "2025-09-30", ["Message"] = "Narrower" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = site.Content.Read("frameworks/django.md");
        var oldBlock = "    value: yes\n    note: Note about Django's ORM\n    source: https://django.example.org/orm\n    checked: 2025-04-02\n";
        Assert.Equal(before.Replace(oldBlock, "    value: partial\n    source: https://docs.example.org/orm\n    checked: 2025-09-30\n"), after);
        var revision = site.Revisions("frameworks/django.md").Last();
        Assert.Equal((EditorSite.EditorEmail, "Narrower"), (revision.Author, revision.Message));
        var profile = await site.Site.GetDocumentAsync("/frameworks/django");
        Assert.Equal("Partial", profile.QuerySelector("tr#orm td .value")!.TextContent);
    }

    [Fact]
    public async Task AValueThatDoesNotFitIsRefusedAndTheFileStays()
    {
        var before = site.Content.Read("frameworks/django.md");

        var response = await PostFactAsync("django", "github-stars", new() { ["Value"] = "lots", ["Source"] = "https://github.com/example/django", ["Checked"] = "2025-09-30" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll(".problems.blocking li"), li => li.TextContent.Contains("does not fit attribute 'github-stars'"));
        Assert.Equal("lots", page.QuerySelector("#fact-value")!.GetAttribute("value"));
        Assert.Equal(before, site.Content.Read("frameworks/django.md"));
    }

    [Fact]
    public async Task TheStaleQueueListsOldFactsAndReCheckingClearsOne()
    {
        var queue = await Html.ParseAsync(await site.Editor.GetAsync("/editor/stale"));
        var rows = queue.QuerySelectorAll("table.stale tbody th a").Select(a => a.TextContent).ToList();
        Assert.Contains("Flask: Built-in ORM", rows);
        Assert.DoesNotContain(rows, r => r.StartsWith("Django"));
        Assert.Equal(rows.Count, (await Html.ParseAsync(await site.Editor.GetAsync("/editor/stale?framework=flask"))).QuerySelectorAll("table.stale tbody tr").Length);
        Assert.Empty((await Html.ParseAsync(await site.Editor.GetAsync("/editor/stale?framework=django"))).QuerySelectorAll("table.stale tbody tr"));

        var recheck = queue.QuerySelector("form[action='/editor/facts/flask/orm/rechecked?returnTo=stale']")!;
        var response = await site.Editor.PostAsync(recheck.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = EditorSite.Token(queue) }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("    value: no\n    note: Note about Flask's ORM\n    source: https://flask.example.org/orm\n    checked: 2025-10-01\n", site.Content.Read(FlaskPath));
        var after = await Html.ParseAsync(await site.Editor.GetAsync("/editor/stale"));
        Assert.DoesNotContain(after.QuerySelectorAll("table.stale tbody th a"), a => a.TextContent == "Flask: Built-in ORM");
        Assert.Equal((EditorSite.EditorEmail, "Re-checked Built-in ORM of Flask: still true"), (site.Revisions(FlaskPath).Last().Author, site.Revisions(FlaskPath).Last().Message));
        var home = await Html.ParseAsync(await site.Editor.GetAsync("/editor"));
        Assert.Equal($"{rows.Count - 1} stale facts", home.QuerySelector(".counts a[href='/editor/stale']")!.TextContent);
    }

    [Fact]
    public async Task AStaleAgeOfTheAttributesOwnOverridesTheSiteWideOne()
    {
        site.Content.Replace("attributes.yml", "    description: Stars on the main repository.\n", "    description: Stars on the main repository.\n    stale_after_months: 3\n");
        await site.Site.ImportAsync();

        var queue = await Html.ParseAsync(await site.Editor.GetAsync("/editor/stale?framework=django"));

        Assert.Equal(["Django: GitHub stars"], queue.QuerySelectorAll("table.stale tbody th a").Select(a => a.TextContent));
        Assert.NotNull((await site.Site.GetDocumentAsync("/frameworks/django")).QuerySelector("tr#github-stars .stale"));
    }

    async Task<HttpResponseMessage> PostFactAsync(string framework, string attribute, Dictionary<string, string> fields)
    {
        var form = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/facts/{framework}/{attribute}"));
        fields["BaseHash"] = form.QuerySelector("input[name=BaseHash]")!.GetAttribute("value")!;
        fields["__RequestVerificationToken"] = EditorSite.Token(form);
        return await site.Editor.PostAsync($"/editor/facts/{framework}/{attribute}", new FormUrlEncodedContent(fields));
    }
}
