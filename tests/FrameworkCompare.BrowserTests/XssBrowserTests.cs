using FrameworkCompare.BrowserTests.Infrastructure;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Tests.Security;
using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests;

/// <summary>
/// Every XSS vector, served by the real site and opened in Chromium with the CSP switched off, so that
/// only the content pipeline stands between the vector and the reader: no dialog may open and no script may run.
/// </summary>
public sealed class XssBrowserTests : IAsyncLifetime
{
    readonly TestContent content = XssVectors.WriteContent(new TestContent());
    LiveSite? site;
    IPlaywright? playwright;
    IBrowser? browser;

    public async Task InitializeAsync()
    {
        site = await LiveSite.StartAsync(content.Root);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task NoVectorOpensADialogOrRunsAScript()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = site!.BaseAddress.ToString(), BypassCSP = true });
        var ran = new List<string>();
        var page = await context.NewPageAsync();
        // A canary any injected script would trip over: alert and friends, and script errors.
        await page.AddInitScriptAsync("for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = () => { window.__xss = (window.__xss || 0) + 1; };");
        page.Dialog += async (_, dialog) => { lock (ran) ran.Add($"dialog: {dialog.Message}"); await dialog.DismissAsync(); };
        page.PageError += (_, error) => { lock (ran) ran.Add($"script error: {error}"); };

        var visited = 0;
        for (var i = 0; i < XssVectors.All.Length; i++)
        {
            foreach (var path in new[] { $"/articles/xss-{i}", $"/faq/xss-{i}", $"/frameworks/x{i}" })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                // Let queued handlers (ontoggle, onerror of late images) run before reading the canary.
                var tripped = await page.EvaluateAsync<int>("() => new Promise(r => setTimeout(() => r(window.__xss || 0), 20))");
                if (tripped > 0) lock (ran) ran.Add($"{path}: injected script called alert {tripped} time(s)");
                visited++;
            }
        }
        Assert.Equal(XssVectors.All.Length * 3, visited);
        Assert.True(ran.Count == 0, string.Join('\n', ran));
        await context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (site is not null) await site.DisposeAsync();
        content.Dispose();
    }
}
