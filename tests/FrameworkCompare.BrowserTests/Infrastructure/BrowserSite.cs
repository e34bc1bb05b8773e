using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>One running site and one Debian Chromium, shared by every test in the collection.</summary>
public sealed class BrowserSite : IAsyncLifetime
{
    /// <summary>Debian's package; never a browser downloaded by Playwright.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    LiveSite? site;
    IPlaywright? playwright;
    IBrowser? browser;

    public LiveSite Site => site ?? throw new InvalidOperationException("Not started.");
    public IBrowser Browser => browser ?? throw new InvalidOperationException("Not started.");
    public Uri BaseAddress => Site.BaseAddress;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) throw new FileNotFoundException("Install Debian's chromium package (./test.sh does it).", ChromiumPath);
        site = await LiveSite.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context and page, watched for console errors and failed requests.</summary>
    public async Task<WatchedPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            BypassCSP = bypassCsp,
        });
        return new WatchedPage(context, await context.NewPageAsync(), BaseAddress);
    }

    /// <summary>A new watched page already at <paramref name="path"/>, which answered <paramref name="expectedStatus"/>.</summary>
    public async Task<WatchedPage> OpenAsync(string path, int expectedStatus = 200, int width = 1280, ColorScheme colorScheme = ColorScheme.Light, bool bypassCsp = false)
    {
        var page = await NewPageAsync(width, colorScheme: colorScheme, bypassCsp: bypassCsp);
        await page.GotoAsync(path, expectedStatus);
        return page;
    }

    public HttpClient CreateHttpClient(bool followRedirects = true) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (site is not null) await site.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
