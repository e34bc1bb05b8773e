using FrameworkCompare.Tests.Checks;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Outbound;
using Microsoft.AspNetCore.Http;

namespace FrameworkCompare.Tests.Security;

/// <summary>The registry clients go through the same outbound policy: refused addresses and schemes, bounded redirects, size and time.</summary>
public sealed class OutboundRegistryTests : IAsyncLifetime
{
    FakeServer internalService = null!;
    readonly List<string> reachedInside = [];

    const string NpmDocument = """{"dist-tags": {"latest": "5.1.0"}, "time": {"5.1.0": "2025-03-31T14:01:22.509Z"}}""";

    public async Task InitializeAsync() => internalService = await FakeServer.StartAsync(async context =>
    {
        lock (reachedInside) reachedInside.Add(context.Request.Path);
        await context.Response.WriteAsync(NpmDocument);
    });

    public async Task DisposeAsync() => await internalService.DisposeAsync();

    [Fact]
    public async Task ARegistryAtAnInternalAddressIsRefusedUnlessAllowed()
    {
        await using (var refusing = new OutboundHarness(new() { ["Registries:Npm"] = internalService.BaseUrl }))
        {
            var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() => refusing.Registry("npm").LatestStableAsync("express", default));
            Assert.Equal("refused: 127.0.0.1 is a loopback address", refused.Message);
            Assert.Empty(reachedInside);
        }

        await using var allowing = new OutboundHarness(new() { ["Registries:Npm"] = internalService.BaseUrl, ["Outbound:AllowedHosts:0"] = internalService.HostAndPort });
        Assert.Equal("5.1.0", (await allowing.Registry("npm").LatestStableAsync("express", default))!.Version);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "refused: file: URLs are not requested")]
    [InlineData("data:application/json,{}", "refused: data: URLs are not requested")]
    [InlineData("ftp://mirror.example.org/express", "refused: ftp: URLs are not requested")]
    [InlineData("http://127.0.0.1:{inside}/express", "refused: 127.0.0.1 is a loopback address")]
    [InlineData("http://[::ffff:127.0.0.1]:{inside}/express", "refused: ::ffff:127.0.0.1 is a loopback address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address")]
    [InlineData("http://user:password@{mirror}/express", "refused: URLs with a user name or password are not requested")]
    public async Task ARegistryRedirectingOutsideIsRefused(string target, string refusal)
    {
        await using var mirror = await FakeServer.StartAsync(context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = target.Replace("{inside}", new Uri(internalService.BaseUrl).Port.ToString())
                .Replace("{mirror}", context.Request.Host.Value);
            return Task.CompletedTask;
        });
        await using var registries = new OutboundHarness(new() { ["Registries:Npm"] = mirror.BaseUrl, ["Outbound:AllowedHosts:0"] = mirror.HostAndPort });

        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() => registries.Registry("npm").LatestStableAsync("express", default));

        Assert.Equal(refusal, refused.Message);
        Assert.Empty(reachedInside);
    }

    [Fact]
    public async Task ARedirectWithinTheAllowedMirrorIsFollowedAndALoopIsCut()
    {
        await using var mirror = await FakeServer.StartAsync(async context =>
        {
            switch (context.Request.Path.Value)
            {
                case "/express": context.Response.StatusCode = 302; context.Response.Headers.Location = "/moved/express"; break;
                case "/moved/express": await context.Response.WriteAsync(NpmDocument); break;
                default: context.Response.StatusCode = 302; context.Response.Headers.Location = context.Request.Path + "x"; break;
            }
        });
        await using var registries = new OutboundHarness(new()
        {
            ["Registries:Npm"] = mirror.BaseUrl, ["Outbound:AllowedHosts:0"] = mirror.HostAndPort, ["Outbound:MaxRedirects"] = "4",
        });

        Assert.Equal("5.1.0", (await registries.Registry("npm").LatestStableAsync("express", default))!.Version);
        var loop = await Assert.ThrowsAsync<HttpRequestException>(() => registries.Registry("npm").LatestStableAsync("koa", default));
        Assert.EndsWith("too many redirects (more than 4)", loop.Message);
    }

    [Fact]
    public async Task AnAnswerOverTheSizeLimitIsRefusedNotRead()
    {
        await using var mirror = await FakeServer.StartAsync(async context =>
        {
            var padding = new string(' ', 64 * 1024);
            await context.Response.WriteAsync("{\"padding\": \"" + padding + "\", " + NpmDocument[1..]);
        });
        await using var registries = new OutboundHarness(new()
        {
            ["Registries:Npm"] = mirror.BaseUrl, ["Outbound:AllowedHosts:0"] = mirror.HostAndPort, ["Outbound:MaxResponseBytes"] = "16384",
        });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => registries.Registry("npm").LatestStableAsync("express", default));
        Assert.Contains("16384", error.Message);
    }

    [Fact]
    public async Task CheckRegistriesReportsASilentRegistryAndARefusedOneAndCarriesOn()
    {
        await using var silent = await FakeServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var content = new TestContent(empty: true);
        content.Write("frameworks/express.md", "---\nslug: express\npackage: npm:express\n---\nBody.\n");
        content.Write("frameworks/django.md", "---\nslug: django\npackage: pypi:Django\n---\nBody.\n");
        content.Write("frameworks/koa.md", "---\nslug: koa\npackage: npm:koa\n---\nBody.\n");
        var database = Path.Combine(Directory.CreateTempSubdirectory("fc-outbound-").FullName, "site.db");
        var output = new StringWriter();

        var exit = await Cli.RunAsync(["check-registries", content.Root, $"--ConnectionStrings:Site=Data Source={database}",
            $"--Registries:Npm={silent.BaseUrl}", $"--Registries:PyPI={internalService.BaseUrl}", FakeServer.AllowedHostsSetting(silent.BaseUrl),
            "--Outbound:TimeoutSeconds=1"], output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exit);
        Assert.Equal(2, lines.Count(l => l.Contains("npm:") && l.Contains(": the registry could not be asked: ")));
        Assert.Contains(lines, l => l.StartsWith("frameworks/django.md: pypi:Django: the registry could not be asked: refused: 127.0.0.1 is a loopback address"));
        Assert.Empty(reachedInside);
    }
}
