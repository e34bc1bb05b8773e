using FrameworkCompare.Web.Registries;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Checks;

/// <summary>Each registry client against a local fake answering documents shaped like the registry's own (trimmed by hand).</summary>
public sealed class RegistryClientTests
{
    static async Task<PackageRelease?> AskAsync(string registry, string setting, string package, FakeServer server)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Registries:{setting}"] = server.BaseUrl,
            ["Outbound:AllowedHosts:0"] = server.HostAndPort,
        }).Build());
        services.AddRegistries();
        await using var provider = services.BuildServiceProvider();
        return await provider.GetServices<IPackageRegistry>().Single(r => r.Name == registry).LatestStableAsync(package, CancellationToken.None);
    }

    static async Task<PackageRelease?> AskServedAsync(string registry, string setting, string package, Dictionary<string, string> bodies)
    {
        await using var server = await FakeServer.ServingAsync(bodies);
        return await AskAsync(registry, setting, package, server);
    }

    [Fact]
    public async Task PyPiSkipsPreReleasesAndYankedOnesAndOrdersByPep440()
    {
        var release = await AskServedAsync("pypi", "PyPI", "Django", new()
        {
            ["/pypi/Django/json"] = """
                {"info": {"name": "Django", "version": "6.0a1"},
                 "releases": {
                   "5.2.9": [{"upload_time_iso_8601": "2025-12-02T09:00:00.000000Z", "yanked": false},
                             {"upload_time_iso_8601": "2025-12-02T08:59:00.000000Z", "yanked": false}],
                   "5.2.10": [{"upload_time_iso_8601": "2026-01-06T10:00:00.000000Z", "yanked": true}],
                   "5.10": [],
                   "6.0a1": [{"upload_time_iso_8601": "2026-01-10T10:00:00.000000Z", "yanked": false}],
                   "6.0.dev1": [{"upload_time_iso_8601": "2026-01-11T10:00:00.000000Z", "yanked": false}],
                   "5.2.post1": [{"upload_time_iso_8601": "2025-05-01T10:00:00.000000Z", "yanked": false}],
                   "1.11.29": [{"upload_time_iso_8601": "2020-06-03T09:00:00.000000Z", "yanked": false}]
                 }}
                """,
        });

        Assert.Equal(new PackageRelease("5.2.9", new DateOnly(2025, 12, 2), "https://pypi.org/project/Django/5.2.9/"), release);
    }

    [Fact]
    public async Task NpmReadsTheLatestDistTag() => Assert.Equal(
        new PackageRelease("5.1.0", new DateOnly(2025, 3, 31), "https://www.npmjs.com/package/express/v/5.1.0"),
        await AskServedAsync("npm", "Npm", "express", new()
        {
            ["/express"] = """
                {"name": "express", "dist-tags": {"latest": "5.1.0", "next": "5.0.0-beta.3"},
                 "time": {"created": "2010-12-29T19:38:25.450Z", "5.0.0-beta.3": "2024-03-25T22:04:44.100Z", "5.1.0": "2025-03-31T14:01:22.509Z"}}
                """,
        }));

    [Fact]
    public async Task RubyGemsTakesTheHighestNonPreRelease() => Assert.Equal(
        new PackageRelease("8.0.2", new DateOnly(2025, 3, 12), "https://rubygems.org/gems/rails/versions/8.0.2"),
        await AskServedAsync("rubygems", "RubyGems", "rails", new()
        {
            ["/api/v1/versions/rails.json"] = """
                [{"number": "8.1.0.beta1", "prerelease": true, "created_at": "2025-09-04T20:00:00.000Z", "platform": "ruby"},
                 {"number": "7.2.2.1", "prerelease": false, "created_at": "2025-03-12T18:00:00.000Z", "platform": "ruby"},
                 {"number": "8.0.2", "prerelease": false, "created_at": "2025-03-12T19:27:10.000Z", "platform": "ruby"}]
                """,
        }));

    [Fact]
    public async Task PackagistReadsTheMinifiedP2Format() => Assert.Equal(
        new PackageRelease("v7.3.1", new DateOnly(2025, 6, 28), "https://packagist.org/packages/symfony/http-kernel#v7.3.1"),
        await AskServedAsync("packagist", "Packagist", "symfony/http-kernel", new()
        {
            ["/p2/symfony/http-kernel.json"] = """
                {"minified": "composer/2.0", "packages": {"symfony/http-kernel": [
                  {"name": "symfony/http-kernel", "version": "v7.4.0-BETA1", "version_normalized": "7.4.0.0-beta1", "time": "2025-10-27T10:00:00+00:00", "license": ["MIT"]},
                  {"version": "v7.3.1", "version_normalized": "7.3.1.0", "time": "2025-06-28T08:24:55+00:00"},
                  {"version": "v7.3.0", "version_normalized": "7.3.0.0", "time": "2025-05-29T07:47:32+00:00"}]}}
                """,
        }));

    [Fact]
    public async Task HexReadsLatestStableVersion() => Assert.Equal(
        new PackageRelease("1.8.1", new DateOnly(2025, 8, 28), "https://hex.pm/packages/phoenix/1.8.1"),
        await AskServedAsync("hex", "Hex", "phoenix", new()
        {
            ["/api/packages/phoenix"] = """
                {"name": "phoenix", "latest_version": "1.8.1", "latest_stable_version": "1.8.1",
                 "releases": [{"version": "1.8.1", "inserted_at": "2025-08-28T17:32:10.539375Z"}, {"version": "1.8.0", "inserted_at": "2025-08-05T14:01:02.000000Z"}]}
                """,
        }));

    [Fact]
    public async Task CratesReadsMaxStableVersion() => Assert.Equal(
        new PackageRelease("0.8.4", new DateOnly(2025, 4, 30), "https://crates.io/crates/axum/0.8.4"),
        await AskServedAsync("crates", "Crates", "axum", new()
        {
            ["/api/v1/crates/axum"] = """
                {"crate": {"id": "axum", "max_version": "0.9.0-alpha.1", "max_stable_version": "0.8.4", "newest_version": "0.9.0-alpha.1"},
                 "versions": [{"num": "0.9.0-alpha.1", "created_at": "2025-09-01T00:00:00.000000+00:00", "yanked": false},
                              {"num": "0.8.4", "created_at": "2025-04-30T20:12:00.123456+00:00", "yanked": false}]}
                """,
        }));

    [Fact]
    public async Task GoCaseEncodesTheModulePath() => Assert.Equal(
        new PackageRelease("v1.11.0", new DateOnly(2025, 9, 20), "https://pkg.go.dev/github.com/Gin-Gonic/gin@v1.11.0"),
        await AskServedAsync("go", "Go", "github.com/Gin-Gonic/gin", new()
        {
            ["/github.com/!gin-!gonic/gin/@latest"] = """{"Version": "v1.11.0", "Time": "2025-09-20T10:04:24Z", "Origin": {"VCS": "git"}}""",
        }));

    [Fact]
    public async Task NuGetTakesTheHighestStableVersionAndItsPublishedDate() => Assert.Equal(
        new PackageRelease("10.0.1", new DateOnly(2025, 12, 9), "https://www.nuget.org/packages/Microsoft.AspNetCore.OpenApi/10.0.1"),
        await AskServedAsync("nuget", "NuGet", "Microsoft.AspNetCore.OpenApi", new()
        {
            ["/v3-flatcontainer/microsoft.aspnetcore.openapi/index.json"] = """{"versions": ["9.0.0", "10.0.0-rc.2.25502.107", "10.0.0", "10.0.1", "11.0.0-preview.1"]}""",
            ["/v3/registration5-semver1/microsoft.aspnetcore.openapi/10.0.1.json"] = """
                {"@id": "https://api.nuget.org/v3/registration5-semver1/microsoft.aspnetcore.openapi/10.0.1.json", "listed": true, "published": "2025-12-09T18:21:30.123+00:00"}
                """,
        }));

    [Fact]
    public async Task MavenTakesTheHighestStableVersionAndDatesItByItsPom()
    {
        await using var server = await FakeServer.StartAsync(async context =>
        {
            switch (context.Request.Path.Value)
            {
                case "/org/springframework/boot/spring-boot/maven-metadata.xml":
                    await context.Response.WriteAsync("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <metadata><groupId>org.springframework.boot</groupId><artifactId>spring-boot</artifactId>
                          <versioning><latest>4.0.0-M3</latest><release>4.0.0-M3</release>
                            <versions><version>2.7.18</version><version>3.5.6</version><version>3.10.0.RELEASE</version><version>4.0.0-M3</version></versions>
                            <lastUpdated>20250918120000</lastUpdated></versioning></metadata>
                        """);
                    break;
                case "/org/springframework/boot/spring-boot/3.10.0.RELEASE/spring-boot-3.10.0.RELEASE.pom":
                    context.Response.Headers.LastModified = "Thu, 18 Sep 2025 11:58:00 GMT";
                    break;
                default:
                    context.Response.StatusCode = 404;
                    break;
            }
        });

        Assert.Equal(new PackageRelease("3.10.0.RELEASE", new DateOnly(2025, 9, 18), "https://central.sonatype.com/artifact/org.springframework.boot/spring-boot/3.10.0.RELEASE"),
            await AskAsync("maven", "Maven", "org.springframework.boot:spring-boot", server));
    }

    [Fact]
    public async Task AnUnknownPackageIsNullAndAFailingRegistryThrows()
    {
        Assert.Null(await AskServedAsync("pypi", "PyPI", "no-such-package", new()));

        await using var failing = await FakeServer.StartAsync(context => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        await Assert.ThrowsAsync<HttpRequestException>(() => AskAsync("npm", "Npm", "express", failing));
    }

    [Fact]
    public void EveryRegistryAProfileMayNameHasAClient()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddRegistries();
        using var provider = services.BuildServiceProvider();
        Assert.Equal(PackageName.Registries.Order(), provider.GetServices<IPackageRegistry>().Select(r => r.Name).Order());
    }
}
