using System.Net;
using System.Xml.Linq;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Editor;

/// <summary>Readers' reports and questions, contributors' submissions: the queue, its decisions and the public log.</summary>
public sealed class ReviewQueueTests : IAsyncLifetime
{
    const string Hostile = "<script>alert('x')</script> \"quotes\" & ampersands\u0007";
    EditorSite site = null!;

    public async Task InitializeAsync() => site = await EditorSite.StartAsync();
    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task EveryValueOnComparisonAndProfilePagesLinksToItsReportPage()
    {
        var comparison = await site.Site.GetDocumentAsync("/compare/django-vs-flask");
        var cells = comparison.QuerySelectorAll("#facts ~ .table-scroll table.compare tbody td");

        Assert.NotEmpty(cells);
        Assert.All(cells, td => Assert.NotNull(td.QuerySelector("a.report[href^='/facts/']")));
        Assert.NotNull((await site.Site.GetDocumentAsync("/frameworks/django")).QuerySelector("tr#orm a.report[href='/facts/django/orm']"));
    }

    [Fact]
    public async Task AReportWithHostileTextIsQueuedAndShownAsText()
    {
        var response = await ReportAsync("django", "orm", Hostile, "partial", "https://evidence.example.org/orm", "reader@example.org");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = site.Site.Query(db => db.ReviewItems.Single());
        Assert.Equal((ReviewKind.Report, "reader", "yes", "partial"), (item.Kind, item.Origin, item.CurrentValue, item.ProposedValue));
        Assert.Equal(Hostile.Replace("\u0007", ""), item.Message);
        var page = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/review/{item.Id}"));
        Assert.Equal(Hostile.Replace("\u0007", ""), page.QuerySelector("blockquote.reader-text")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Theory]
    [InlineData("", "https://e.example.org/", "WhatIsWrong")]
    [InlineData("Wrong", "", "EvidenceUrl")]
    [InlineData("Wrong", "javascript:alert(1)", "EvidenceUrl")]
    public async Task AReportMissingWhatOrEvidenceIsRefusedWithTheReason(string what, string evidence, string field)
    {
        var response = await ReportAsync("django", "orm", what, "", evidence, "");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector($".error-summary li#{field}-error"));
        Assert.Empty(site.Site.Query(db => db.ReviewItems.ToList()));
    }

    [Fact]
    public async Task AFormThatFillsTheHoneypotIsThankedAndDropped()
    {
        var response = await ReportAsync("django", "orm", "Wrong", "", "https://e.example.org/", "", website: "http://spam.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(site.Site.Query(db => db.ReviewItems.ToList()));
    }

    [Fact]
    public async Task AcceptingAReportPublishesTheFactAndLogsTheCorrectionWithoutTheEmail()
    {
        await ReportAsync("django", "orm", "It is partial", "partial", "https://evidence.example.org/orm", "reader@example.org");
        var id = site.Site.Query(db => db.ReviewItems.Single().Id);
        var item = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/review/{id}"));
        var editLink = item.QuerySelector($"a[href='/editor/facts/django/orm?review={id}']")!;
        var form = await Html.ParseAsync(await site.Editor.GetAsync(editLink.GetAttribute("href")));
        Assert.Equal("partial", form.QuerySelector("#fact-value option[selected]")!.GetAttribute("value"));

        var fields = form.QuerySelectorAll("form.editor-form input[name], form.editor-form select[name]")
            .Where(e => e.GetAttribute("type") != "checkbox")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "");
        fields["__RequestVerificationToken"] = EditorSite.Token(form);
        Assert.Equal(HttpStatusCode.Redirect, (await site.Editor.PostAsync("/editor/facts/django/orm", new FormUrlEncodedContent(fields))).StatusCode);

        Assert.Equal("Partial", (await site.Site.GetDocumentAsync("/compare/django-vs-flask")).QuerySelector("tr#orm td .value")!.TextContent);
        Assert.Equal(ReviewState.Accepted, site.Site.Query(db => db.ReviewItems.Single()).State);
        var log = await site.Site.GetDocumentAsync("/corrections");
        var entry = log.QuerySelector($"#correction-{id}")!;
        Assert.Equal(("yes", "partial"), (entry.QuerySelector(".old-value")!.TextContent, entry.QuerySelector(".new-value")!.TextContent));
        Assert.Equal("nofollow ugc noopener", entry.QuerySelector("a[href='https://evidence.example.org/orm']")!.GetAttribute("rel"));
        var feed = XDocument.Parse(await site.Site.CreateReader().GetStringAsync("/corrections/feed.xml"));
        Assert.Single(feed.Descendants(XName.Get("entry", "http://www.w3.org/2005/Atom")));
        Assert.DoesNotContain("reader@example.org", log.DocumentElement.OuterHtml + feed);
    }

    [Fact]
    public async Task ADeclinedReportShowsItsReasonAndTheEmailIsForgottenLater()
    {
        await ReportAsync("django", "orm", "It is no", "no", "https://evidence.example.org/orm", "reader@example.org");
        var id = site.Site.Query(db => db.ReviewItems.Single().Id);
        var item = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/review/{id}"));

        var declined = await site.Editor.PostAsync($"/editor/review/{id}/decline", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reason"] = "The ORM ships with Django: see the models topic.", ["__RequestVerificationToken"] = EditorSite.Token(item),
        }));

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var entry = (await site.Site.GetDocumentAsync("/corrections")).QuerySelector($"#correction-{id}")!;
        Assert.Contains("The ORM ships with Django", entry.TextContent);
        Assert.Contains(site.Site.Query(db => db.AuditLog.ToList()), a => a.Action == "review-declined" && a.Actor == EditorSite.EditorEmail);
        using var scope = site.Site.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ReviewQueue>().ForgetEmailsAsync(0, default));
        Assert.Null(site.Site.Query(db => db.ReviewItems.Single()).ReporterEmail);
    }

    [Fact]
    public async Task AQuestionIsAnsweredByANewFaqEntryThatSaysAReaderAsked()
    {
        var page = await Html.ParseAsync(await site.Site.CreateBrowserLikeClient().GetAsync("/questions/ask?about=/compare/django-vs-flask"));
        using var reader = site.Site.CreateBrowserLikeClient();
        var ask = await reader.PostFormAsync("/questions/ask", new() { ["Question"] = "Does Flask have an admin?", ["About"] = "/compare/django-vs-flask" });
        Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        Assert.NotNull(page.QuerySelector("textarea#question-text"));
        var id = site.Site.Query(db => db.ReviewItems.Single(r => r.Kind == ReviewKind.Question).Id);
        var item = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/review/{id}"));

        var answer = await site.Editor.PostAsync($"/editor/review/{id}/answer-new", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = EditorSite.Token(item) }));

        Assert.Equal("/editor/edit/faq/does-flask-have-an-admin.md", answer.Headers.Location!.OriginalString);
        var draft = site.Site.Query(db => db.Drafts.Single()).Text;
        Assert.Contains("question: \"Does Flask have an admin?\"", draft);
        Assert.EndsWith("*A reader asked this question.*\n", draft);
    }

    [Fact]
    public async Task ReaderPostsAreRateLimitedPerClient()
    {
        await using var limited = await EditorSite.StartAsync(new Dictionary<string, string> { ["RateLimits:ReaderPostPermitLimit"] = "2" });
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++) last = await ReportAsync("django", "orm", $"Wrong {i}", "", "https://e.example.org/", "", target: limited);

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter is not null);
        Assert.Equal(2, limited.Site.Query(db => db.ReviewItems.Count()));
    }

    async Task<HttpResponseMessage> ReportAsync(string framework, string attribute, string what, string value, string evidence, string email, string website = "", EditorSite? target = null)
    {
        var reader = (target ?? site).Site.CreateBrowserLikeClient();
        return await reader.PostFormAsync($"/facts/{framework}/{attribute}", new()
        {
            ["WhatIsWrong"] = what, ["CorrectValue"] = value, ["EvidenceUrl"] = evidence, ["Email"] = email, ["Website"] = website,
        });
    }
}
