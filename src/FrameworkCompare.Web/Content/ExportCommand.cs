using System.Diagnostics;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// `export &lt;folder&gt; [--base-url URL] [--precompress]`: starts the site on a free loopback port, imports the content,
/// and writes it as static files that nginx or a CDN can serve from the folder as the site root.
/// </summary>
public static class ExportCommand
{
    const string Usage = "usage: export <folder> [--base-url https://your.site] [--precompress] [settings such as --Content:Path=content]";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var rest = args.ToList();
        var baseUrl = TakeOption(rest, "--base-url") ?? "http://localhost";
        var precompress = rest.Remove("--precompress");
        if (rest is not [var folder, ..] || folder.StartsWith('-'))
        {
            output.WriteLine(Usage);
            return 2;
        }
        rest.RemoveAt(0);
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
        await using var app = Build(rest, root);
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
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };
            var result = await new SiteExporter(client, target).ExportAsync(precompress, app.Lifetime.ApplicationStopping);
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

    static WebApplication Build(List<string> args, Uri root)
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
        builder.WebHost.UseUrls("http://127.0.0.1:0");
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

    static string? TakeOption(List<string> args, string name)
    {
        var i = args.IndexOf(name);
        if (i < 0 || i + 1 >= args.Count) return null;
        var value = args[i + 1];
        args.RemoveRange(i, 2);
        return value;
    }
}
