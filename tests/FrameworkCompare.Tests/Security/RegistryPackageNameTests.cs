using FrameworkCompare.Tests.Checks;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Registries;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FrameworkCompare.Tests.Security;

/// <summary>Package names follow their ecosystem's rule and never contain ".."; registry URLs cannot leave the configured base path.</summary>
public sealed class RegistryPackageNameTests
{
    [Theory]
    [InlineData("npm:express")]
    [InlineData("npm:@nestjs/core")]
    [InlineData("npm:@types/node")]
    [InlineData("npm:lodash.merge")]
    [InlineData("npm:JSONStream")] // an old package from before npm required lower case
    [InlineData("pypi:Django")]
    [InlineData("pypi:zope.interface")]
    [InlineData("pypi:typing_extensions")]
    [InlineData("rubygems:rails")]
    [InlineData("rubygems:net-http")]
    [InlineData("packagist:laravel/framework")]
    [InlineData("packagist:symfony/framework-bundle")]
    [InlineData("packagist:doctrine/orm")]
    [InlineData("maven:org.springframework.boot:spring-boot")]
    [InlineData("maven:com.fasterxml.jackson.core:jackson-databind")]
    [InlineData("hex:phoenix")]
    [InlineData("hex:phoenix_live_view")]
    [InlineData("crates:axum")]
    [InlineData("crates:serde_json")]
    [InlineData("go:github.com/gin-gonic/gin")]
    [InlineData("go:github.com/BurntSushi/toml")]
    [InlineData("go:gopkg.in/yaml.v3")]
    [InlineData("go:golang.org/x/net")]
    [InlineData("go:github.com/labstack/echo/v4")]
    [InlineData("nuget:Microsoft.AspNetCore.App.Ref")]
    [InlineData("nuget:Newtonsoft.Json")]
    public void RealPackageNamesAreValid(string name) => Assert.Null(PackageName.Problem(name));

    [Theory]
    [InlineData("npm:..")]
    [InlineData("npm:../admin")]
    [InlineData("npm:@scope/..")]
    [InlineData("npm:a..b")]
    [InlineData("pypi:..")]
    [InlineData("pypi:a/../b")]
    [InlineData("rubygems:../../api")]
    [InlineData("packagist:../x")]
    [InlineData("packagist:vendor/..")]
    [InlineData("packagist:vendor/../../p2/evil")]
    [InlineData("packagist:a..b/c")]
    [InlineData("maven:org..evil:x")]
    [InlineData("maven:org.x:..")]
    [InlineData("hex:..")]
    [InlineData("crates:..")]
    [InlineData("go:github.com/../../etc")]
    [InlineData("go:github.com/a/..")]
    [InlineData("go:../../x")]
    [InlineData("go:example.com/..%2f..")]
    [InlineData("nuget:..")]
    [InlineData("nuget:a..b")]
    public void NamesWithDotDotAreRefusedInEveryEcosystem(string name) =>
        Assert.Equal($"'{name}': a package name may not contain '..'", PackageName.Problem(name));

    [Theory]
    [InlineData("npm:.hidden")]
    [InlineData("npm:_private")]
    [InlineData("npm:a/b")] // a slash only after a scope
    [InlineData("npm:@Scope/x")]
    [InlineData("npm:a b")]
    [InlineData("npm:a%2fb")]
    [InlineData("npm:a?b")]
    [InlineData("pypi:-django")]
    [InlineData("pypi:django_")]
    [InlineData("pypi:a/b")]
    [InlineData("pypi:dj%61ngo")]
    [InlineData("rubygems:.rails")]
    [InlineData("rubygems:a/b")]
    [InlineData("packagist:laravel")]
    [InlineData("packagist:a/b/c")]
    [InlineData("packagist:vendor/.x")]
    [InlineData("packagist:vendor/x%2f")]
    [InlineData("maven:org.x")]
    [InlineData("maven:org.x:y:z")]
    [InlineData("maven:org/x:y")]
    [InlineData("maven:.org:y")]
    [InlineData("hex:Phoenix")]
    [InlineData("hex:1phoenix")]
    [InlineData("hex:phoenix-live")]
    [InlineData("crates:1axum")]
    [InlineData("crates:serde.json")]
    [InlineData("go:nodot/x")]
    [InlineData("go:GitHub.com/x")]
    [InlineData("go:github.com//x")]
    [InlineData("go:github.com/x/")]
    [InlineData("go:github.com/./x")]
    [InlineData("go:github.com/.hidden")]
    [InlineData("go:github.com/x.")]
    [InlineData("go:github.com/a%2fb")]
    [InlineData("go:github.com/a?b")]
    [InlineData("nuget:.Json")]
    [InlineData("nuget:Json.")]
    [InlineData("nuget:a/b")]
    public void NamesOutsideTheirEcosystemsRuleAreRefused(string name)
    {
        var registry = name[..name.IndexOf(':')];
        Assert.StartsWith($"'{name}' is not a valid {registry} name: ", PackageName.Problem(name));
    }

    [Fact]
    public void LengthLimitsHold()
    {
        Assert.Null(PackageName.Problem("crates:" + new string('a', 64)));
        Assert.StartsWith("'crates:", PackageName.Problem("crates:" + new string('a', 65)));
        Assert.Null(PackageName.Problem("nuget:" + new string('A', 100)));
        Assert.NotNull(PackageName.Problem("nuget:" + new string('A', 101)));
        Assert.Contains("1 to 214 characters", PackageName.Problem("npm:" + new string('a', 215)));
    }

    [Theory]
    [InlineData("cargo:serde")]
    [InlineData("serde")]
    [InlineData(":serde")]
    public void AnUnknownRegistryIsNamed(string name) => Assert.Contains("is not REGISTRY:NAME", PackageName.Problem(name));

    [Theory]
    [InlineData("go:github.com/../../etc")]
    [InlineData("packagist:symfony/../../p2/evil")]
    public void ValidateReportsTheNameWithItsLine(string package)
    {
        using var content = new TestContent();
        content.Replace("frameworks/flask.md", "slug: flask", $"slug: flask\npackage: {package}");
        var output = new StringWriter();

        var exit = ValidateCommand.Run(content.Root, output);

        Assert.Equal(1, exit);
        var line = Array.FindIndex(content.Read("frameworks/flask.md").Split('\n'), l => l.StartsWith("package:")) + 1;
        Assert.Contains($"frameworks/flask.md:{line}: field 'package': '{package}': a package name may not contain '..'", output.ToString());
    }

    [Theory]
    [InlineData("go", "Go", "github.com/../../../admin")]
    [InlineData("go", "Go", "github.com/a/..")]
    [InlineData("go", "Go", "..")]
    [InlineData("go", "Go", "github.com/%2e%2e/%2e%2e/admin")]
    [InlineData("go", "Go", "github.com/..%2f..%2fadmin")]
    [InlineData("go", "Go", "github.com/a?b#c")]
    [InlineData("packagist", "Packagist", "../../admin")]
    [InlineData("packagist", "Packagist", "vendor/..")]
    [InlineData("packagist", "Packagist", "../x")]
    [InlineData("packagist", "Packagist", "%2e%2e/%2e%2e")]
    [InlineData("packagist", "Packagist", "vendor/x?y")]
    [InlineData("npm", "Npm", "../../admin")]
    [InlineData("pypi", "PyPI", "..")]
    [InlineData("maven", "Maven", "..:..")]
    [InlineData("nuget", "NuGet", "..")]
    [InlineData("rubygems", "RubyGems", "../..")]
    [InlineData("hex", "Hex", "..")]
    [InlineData("crates", "Crates", "../..")]
    public async Task EvenUncheckedNamesStayUnderTheBasePathOrAreRefused(string registry, string setting, string name)
    {
        var targets = new List<string>();
        await using var mirror = await FakeServer.StartAsync(context =>
        {
            lock (targets) targets.Add(context.Features.Get<IHttpRequestFeature>()!.RawTarget);
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        await using var registries = new OutboundHarness(new()
        {
            [$"Registries:{setting}"] = mirror.Url("/mirror/base"), ["Outbound:AllowedHosts:0"] = mirror.HostAndPort,
        });

        try
        {
            Assert.Null(await registries.Registry(registry).LatestStableAsync(name, default));
        }
        catch (RegistryNameException)
        {
            // refused before or between requests: a clear reason instead of a URL outside the base
        }

        Assert.All(targets, target => Assert.StartsWith("/mirror/base/", target));
        Assert.All(targets, target => Assert.DoesNotContain("/../", target));
    }

    [Fact]
    public void SegmentsAreEscapedWhole()
    {
        Assert.Equal("https://r.example.org/base/@nestjs%2Fcore", RegistryUrl.Build("https://r.example.org/base/", "@nestjs/core").AbsoluteUri);
        Assert.Equal("https://r.example.org/base/%252e%252e/a%3Fb%23c", RegistryUrl.Build("https://r.example.org/base", "%2e%2e", "a?b#c").AbsoluteUri);
        Assert.Equal("https://r.example.org/github.com/!burnt!sushi/@latest", RegistryUrl.Build("https://r.example.org", "github.com", "!burnt!sushi", "@latest").AbsoluteUri);
        Assert.Throws<RegistryNameException>(() => RegistryUrl.Build("https://r.example.org/base", "a", ".."));
        Assert.Throws<RegistryNameException>(() => RegistryUrl.Build("https://r.example.org/base", "."));
        Assert.Throws<RegistryNameException>(() => RegistryUrl.Build("https://r.example.org/base", ""));
    }
}
