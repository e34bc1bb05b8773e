using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>
/// The editors' workspace: one site over a throw-away copy of the shipped content (publishing never touches the
/// repository), an admin and two editors made with the real `users add` verb, and one Chromium. It is served over https
/// (see <see cref="LiveSite.Create"/>): over plain http the site refuses to render any form with an anti-forgery token.
/// </summary>
public sealed class WorkspaceSite : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    public const string Admin = "admin@example.test", EditorAna = "ana@example.test", EditorBen = "ben@example.test";
    public const string SessionCookie = "__Host-fc-session";

    readonly string contentFolder = Directory.CreateTempSubdirectory("fc-workspace-content-").FullName;
    readonly Dictionary<string, string> signedInStates = [];
    LiveSite? site;
    IPlaywright? playwright;
    IBrowser? browser;

    public LiveSite Site => site ?? throw new InvalidOperationException("Not started.");
    public Uri BaseAddress => Site.BaseAddress;

    /// <summary>A file of the site's content folder (the copy), e.g. <c>articles/django-vs-flask.md</c>.</summary>
    public string ContentFile(string path) => Path.Combine(contentFolder, path);

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserSite.ChromiumPath)) throw new FileNotFoundException("Install Debian's chromium package.", BrowserSite.ChromiumPath);
        CopyFolder(Repository.ShippedContent, contentFolder);
        site = LiveSite.Create(contentFolder, https: true, "--Editor:GitCommit=false", "--RateLimits:SignInPermitLimit=100000");
        // The verb migrates the database itself, so the accounts exist before the site first answers.
        foreach (var (email, role) in new[] { (Admin, "admin"), (EditorAna, "editor"), (EditorBen, "editor") })
            await site.RunVerbAsync(Password, "users", "add", email, "--role", role, "--password-stdin");
        await site.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context and page, watched for console errors and failed requests.</summary>
    public async Task<WatchedPage> NewPageAsync(bool javaScript = true, ColorScheme colorScheme = ColorScheme.Light, bool bypassCsp = false, string? storageState = null)
    {
        var context = await (browser ?? throw new InvalidOperationException("Not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ColorScheme = colorScheme,
            BypassCSP = bypassCsp,
            JavaScriptEnabled = javaScript,
            IgnoreHTTPSErrors = true, // the site's own throw-away certificate
            StorageState = storageState,
        });
        return new WatchedPage(context, await context.NewPageAsync(), BaseAddress);
    }

    /// <summary>Another tab in the same context (same cookies and storage), watched too.</summary>
    public async Task<WatchedPage> NewTabAsync(WatchedPage page) => new(page.Context, await page.Context.NewPageAsync(), BaseAddress);

    /// <summary>Signs in through the real form and checks the Secure session cookie was kept.</summary>
    public async Task SignInAsync(WatchedPage watched, string email)
    {
        await watched.GotoAsync("/account/login");
        await FillSignInFormAsync(watched.Page, email);
        await watched.Page.WaitForURLAsync(url => !url.Contains("/account/login"));
        var cookies = await watched.Context.CookiesAsync([BaseAddress.ToString()]);
        Assert.True(cookies.Any(c => c.Name == SessionCookie), $"Chromium did not keep the Secure {SessionCookie} cookie on {BaseAddress}.");
    }

    public static async Task FillSignInFormAsync(IPage page, string email)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>A new context already signed in as <paramref name="email"/> (signed in through the form once, then reused).</summary>
    public async Task<WatchedPage> NewSignedInPageAsync(string email, ColorScheme colorScheme = ColorScheme.Light, bool bypassCsp = false)
    {
        if (!signedInStates.TryGetValue(email, out var state))
        {
            await using var first = await NewPageAsync();
            await SignInAsync(first, email);
            signedInStates[email] = state = await first.Context.StorageStateAsync();
        }
        return await NewPageAsync(colorScheme: colorScheme, bypassCsp: bypassCsp, storageState: state);
    }

    /// <summary>Removes only the session cookie, as if it expired; the anti-forgery and notice cookies stay.</summary>
    public static Task EndSessionAsync(WatchedPage page) => page.Context.ClearCookiesAsync(new() { Name = SessionCookie });

    static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (site is not null) await site.DisposeAsync();
        try { Directory.Delete(contentFolder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class WorkspaceCollection : ICollectionFixture<WorkspaceSite>
{
    public const string Name = "Workspace";
}
