using FrameworkCompare.Web.Services;
using System.CommandLine;
using System.Diagnostics;
using FrameworkCompare.Web.Content;
using Microsoft.AspNetCore.TestHost;

namespace FrameworkCompare.Web.Commands;

/// <summary>
/// `export &lt;folder&gt; [--base-url URL] [--precompress]`: imports the content, renders every page in this process
/// (the site's own pipeline over an in-memory server, pages in parallel, no sockets) and writes them as static files
/// that nginx or a CDN can serve from the folder as the site root.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "An empty or missing folder to write the site into" };
        var baseUrl = new Option<string>("--base-url") { Description = "The public site's root URL, for canonical links, the sitemap and the feed", DefaultValueFactory = _ => "" };
        var precompress = new Option<bool>("--precompress") { Description = "Also write .br and .gz beside each text file" };
        var command = new Command("export", "Write the whole public site as static files") { folder, baseUrl, precompress };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(folder)!, parse.GetValue(baseUrl)!, parse.GetValue(precompress), Cli.Settings(parse), Cli.Output(parse)));
        return command;
    }

    static async Task<int> RunAsync(string folder, string baseUrl, bool precompress, string[] settings, TextWriter output)
    {
        if (baseUrl.Length == 0) baseUrl = PublicUrlSetting(settings) ?? "http://localhost";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https") || root.AbsolutePath != "/")
        {
            output.WriteLine($"--base-url {baseUrl}: give the site's root URL, such as https://frameworks.example.org");
            return 2;
        }
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            output.WriteLine($"{folder}: the folder is not empty; remove it or pick another");
            return 2;
        }

        var started = Stopwatch.StartNew();
        await using var app = Build(settings, root);
        var content = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentOptions>>().Value;
        if (!Directory.Exists(content.FullPath))
        {
            output.WriteLine($"{content.Path}: no such content folder; set --Content:Path");
            return 2;
        }
        try
        {
            await app.StartAsync();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            output.WriteLine($"export failed: the site did not start: {e.Message}");
            return 1;
        }
        try
        {
            // No reader waits for a first page here: the import and the search index go ahead at once.
            app.Services.GetRequiredService<ReadModel.AfterFirstPage>().Release();
            await app.Services.GetRequiredService<ReadModel.ReadModelStartup>().Completed;
            using var client = app.GetTestClient();
            var progress = new Progress<SiteExporter.Progress>(p => output.WriteLine($"exported {p.Pages} of {p.Known} pages known so far"));
            var result = await new SiteExporter(client, target, Caching.PageCompression.ForExportedFile, progress).ExportAsync(precompress, app.Lifetime.ApplicationStopping);
            foreach (var problem in result.Problems) output.WriteLine(problem);
            output.WriteLine($"Exported {result.Pages} pages and {result.Files} files to {folder} in {started.ElapsedMilliseconds} ms; absolute URLs use {root.GetLeftPart(UriPartial.Authority)}");
            return result.Problems.Count == 0 ? 0 : 1;
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("export stopped before it finished; the folder holds part of the site");
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or System.Xml.XmlException)
        {
            output.WriteLine($"export failed: {e.Message}");
            return 1;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Site:PublicUrl as the site would read it (appsettings.json, environment, --Site:PublicUrl=…).</summary>
    static string? PublicUrlSetting(string[] settings) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables().AddCommandLine(settings).Build()
        .GetSection(SiteUrlOptions.Section).Get<SiteUrlOptions>()?.PublicRoot?.GetLeftPart(UriPartial.Authority);

    /// <summary>The site on an in-memory server (no sockets), output cache off, as the export and measure-page run it.</summary>
    internal static WebApplication Build(string[] args, Uri root)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args], ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(ExportCommand).Assembly.GetName().Name,
        });
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Every page is fetched once: caching would only hold memory.
            ["Content:Watch"] = "false", ["Site:OutputCache"] = "false", ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseTestServer(server => server.AllowSynchronousIO = false);
        builder.AddSiteServices();
        var app = builder.Build();
        // Canonical links, the sitemap and the feed name the public site, not the loopback port.
        app.Use((context, next) =>
        {
            context.Request.Scheme = root.Scheme;
            context.Request.Host = new HostString(root.Authority);
            return next(context);
        });
        app.UseSitePipeline();
        return app;
    }
}
