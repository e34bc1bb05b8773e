using AngleSharp;
using AngleSharp.Html.Dom;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Infrastructure;

/// <summary>The whole site over a real SQLite file and a content folder of the test's own.</summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public TestContent Content { get; }
    public string DatabasePath { get; }
    readonly bool watch;
    readonly Dictionary<string, string> settings = new()
    {
        // Tests send bursts far beyond a reader's; RateLimitTests sets its own small limit.
        ["RateLimits:PermitLimit"] = "1000000",
        ["RateLimits:SignInPermitLimit"] = "1000000",
        // Start-up work goes ahead at once instead of after the first page (AfterFirstPageTests tests the wait).
        ["ReadModel:AfterFirstPageSeconds"] = "0",
    };

    public SiteFactory(TestContent? content = null, string? databasePath = null, bool watch = false, IDictionary<string, string>? settings = null)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) this.settings[key] = value;
        Content = content ?? new TestContent();
        DatabasePath = databasePath ?? Path.Combine(Directory.CreateTempSubdirectory("fc-db-").FullName, "site.db");
        this.watch = watch;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Content:Path", Content.Root);
        builder.UseSetting("Content:Watch", watch ? "true" : "false");
        builder.UseSetting("ConnectionStrings:Site", $"Data Source={DatabasePath}");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Clock);
            AddTestServices(services);
        });
    }

    protected virtual void AddTestServices(IServiceCollection services) { }

    protected virtual TimeProvider Clock => new FixedClock(Today);

    /// <summary>The site loads its read model beside the listening server; tests start once the start-up import is done.</summary>
    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (WaitForStartup) host.Services.GetRequiredService<FrameworkCompare.Web.ReadModel.ReadModelStartup>().Completed.Wait(TimeSpan.FromMinutes(2));
        return host;
    }

    /// <summary>False for tests of what readers get while the site is still starting.</summary>
    protected virtual bool WaitForStartup => true;

    /// <summary>Tests run on a fixed day, so whether a fact is stale does not depend on when they run.</summary>
    public static readonly DateTimeOffset Today = new(2025, 10, 1, 12, 0, 0, TimeSpan.Zero);

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Content.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path.GetDirectoryName(DatabasePath)!, recursive: true); } catch (IOException) { }
    }

    public HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public Task<ImportResult> ImportAsync() => Services.GetRequiredService<ContentImporter>().ImportAsync();

    public T Query<T>(Func<SiteDb, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<SiteDb>());
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string url, int expectedStatus = 200)
    {
        var response = await CreateReader().GetAsync(url);
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        return await Html.ParseAsync(response);
    }
}

public static class Html
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
        return (IHtmlDocument)document;
    }
}
