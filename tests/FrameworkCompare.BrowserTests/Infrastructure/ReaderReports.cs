using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>
/// Two readers' reports on Django's ORM, sent through the real form once per site, so the review pages and the
/// corrections log are checked with content: one stays open (its item page), one is declined (a corrections entry).
/// </summary>
public static class ReaderReports
{
    const string Fact = "/facts/django/orm", QueueName = "Django: Built-in ORM";
    static readonly SemaphoreSlim Once = new(1, 1);
    static WorkspaceSite? madeFor;

    /// <summary>The report left open in the queue.</summary>
    public static int OpenId { get; private set; }

    public static async Task EnsureAsync(WorkspaceSite site)
    {
        await Once.WaitAsync();
        try
        {
            if (madeFor == site) return;
            await SendAsync(site, "The ORM is optional; say so.");
            await SendAsync(site, "Checked by the accessibility tests: leave this one open.");

            await using var admin = await site.NewSignedInPageAsync(WorkspaceSite.Admin);
            await admin.GotoAsync("/editor/review");
            var ids = new List<int>();
            foreach (var link in await admin.Page.Locator("tr", new() { HasText = QueueName }).GetByRole(AriaRole.Link).AllAsync())
                ids.Add(int.Parse((await link.InnerTextAsync())["Item ".Length..]));
            Assert.True(ids.Count >= 2, $"The queue lists {ids.Count} report(s) on {QueueName}, expected the two just sent.");
            OpenId = ids[^1];

            await admin.GotoAsync($"/editor/review/{ids[^2]}");
            await admin.Page.GetByLabel("Reason for declining").FillAsync("The ORM ships with Django and is used by default; the value stays.");
            await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Decline", Exact = true }).ClickAsync();
            await Assertions.Expect(admin.Page.Locator(".notice[role=status]")).ToHaveTextAsync($"Item {ids[^2]} declined.");
            admin.AssertNoProblems();
            madeFor = site;
        }
        finally
        {
            Once.Release();
        }
    }

    static async Task SendAsync(WorkspaceSite site, string whatIsWrong)
    {
        await using var reader = await site.NewPageAsync();
        await reader.GotoAsync(Fact);
        await reader.Page.GetByLabel("What is wrong?").FillAsync(whatIsWrong);
        await reader.Page.GetByLabel("The correct value").FillAsync("partial");
        await reader.Page.GetByLabel("Evidence").FillAsync("https://docs.djangoproject.com/en/6.0/topics/db/models/");
        await reader.Page.GetByRole(AriaRole.Button, new() { Name = "Send the report", Exact = true }).ClickAsync();
        await Assertions.Expect(reader.Page.Locator(".notice[role=status]")).ToContainTextAsync("Thank you.");
        reader.AssertNoProblems();
    }
}
