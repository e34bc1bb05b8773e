using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FrameworkCompare.Tests.Checks;

/// <summary>A Kestrel server on a free loopback port answering with <c>handler</c>: the outside world, played locally.</summary>
public sealed class FakeServer : IAsyncDisposable
{
    readonly WebApplication app;
    public string BaseUrl { get; }

    FakeServer(WebApplication app)
    {
        this.app = app;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public static async Task<FakeServer> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        // It plays any host name a test's resolver points at it, whatever the site's own AllowedHosts says.
        builder.Configuration["AllowedHosts"] = "*";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return new FakeServer(app);
    }

    /// <summary>Answers each path with its JSON (or other text) body; anything else is 404.</summary>
    public static Task<FakeServer> ServingAsync(IDictionary<string, string> bodies, string contentType = "application/json") => StartAsync(async context =>
    {
        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        if (!bodies.TryGetValue(key, out var body))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    });

    public string Url(string path) => BaseUrl + path;

    /// <summary>127.0.0.1:PORT, for Outbound:AllowedHosts: the outbound policy refuses loopback unless the host is listed.</summary>
    public string HostAndPort => new Uri(BaseUrl).Authority;

    public static string AllowedHostsSetting(string baseUrl) => $"--Outbound:AllowedHosts:0={new Uri(baseUrl).Authority}";

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }
}
