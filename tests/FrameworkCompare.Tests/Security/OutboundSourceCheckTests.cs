using System.Net;
using FrameworkCompare.Tests.Checks;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Checks;

namespace FrameworkCompare.Tests.Security;

/// <summary>
/// The source checker never reaches an internal address, however it is spelled or resolved. A local server on 127.0.0.1
/// stands for the internal service: every URL below would reach it if the policy let it through, so it must see nothing.
/// </summary>
public sealed class OutboundSourceCheckTests : IAsyncLifetime
{
    FakeServer internalService = null!;
    readonly List<string> reached = [];

    public async Task InitializeAsync() => internalService = await FakeServer.StartAsync(context =>
    {
        lock (reached) reached.Add(context.Request.Host + context.Request.Path);
        return Task.CompletedTask;
    });

    public async Task DisposeAsync() => await internalService.DisposeAsync();

    int Port => new Uri(internalService.BaseUrl).Port;

    static IPAddress[] Addresses(params string[] spelled) => [.. spelled.Select(IPAddress.Parse)];

    /// <summary>Hostile DNS: names answering every special address family, in every spelling IPAddress accepts.</summary>
    static readonly Dictionary<string, (IPAddress[] Addresses, string Kind)> HostileNames = new()
    {
        ["loopback.test"] = (Addresses("127.0.0.1"), "loopback"),
        ["loopback-range.test"] = (Addresses("127.8.9.10"), "loopback"),
        ["mapped.test"] = (Addresses("::ffff:127.0.0.1"), "loopback"),
        ["mapped-private.test"] = (Addresses("::ffff:192.168.0.1"), "private"),
        ["zero.test"] = (Addresses("0.0.0.0"), "unspecified"),
        ["decimal.test"] = (Addresses("2130706433"), "loopback"),
        ["octal.test"] = (Addresses("0177.0.0.1"), "loopback"),
        ["hex.test"] = (Addresses("0x7f000001"), "loopback"),
        ["v6-loopback.test"] = (Addresses("::1"), "loopback"),
        ["v6-unspecified.test"] = (Addresses("::"), "unspecified"),
        ["unique-local.test"] = (Addresses("fd00::1"), "unique-local"),
        ["unique-local-end.test"] = (Addresses("fdff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"), "unique-local"),
        ["metadata.test"] = (Addresses("169.254.169.254"), "link-local"),
        ["v6-link-local.test"] = (Addresses("fe80::1"), "link-local"),
        ["shared.test"] = (Addresses("100.64.0.1"), "shared"),
        ["shared-end.test"] = (Addresses("100.127.255.254"), "shared"),
        ["private.test"] = (Addresses("10.0.0.5"), "private"),
        ["multicast.test"] = (Addresses("239.1.2.3"), "multicast"),
        ["documentation.test"] = (Addresses("192.0.2.10"), "documentation"),
        ["nat64.test"] = (Addresses("64:ff9b::7f00:1"), "loopback"),
        // One special address among public ones is enough: the socket could pick it.
        ["mixed.test"] = (Addresses("93.184.215.14", "127.0.0.1"), "loopback"),
    };

    [Fact]
    public async Task NamesResolvingToSpecialAddressesAreRefusedWhenConnecting()
    {
        var resolver = new FakeResolver(HostileNames.ToDictionary(n => n.Key, n => n.Value.Addresses));
        await using var checker = new OutboundHarness(new(), resolver);

        var results = await checker.CheckAsync([.. HostileNames.Keys.Select(name => $"http://{name}:{Port}/admin")]);

        foreach (var result in results)
        {
            var name = new Uri(result.Url).Host;
            Assert.True(result.Broken, result.Url);
            Assert.StartsWith($"refused: {name} resolves to ", result.Detail);
            Assert.Contains($"{HostileNames[name].Kind}", result.Detail);
        }
        Assert.Equal(HostileNames.Keys.Order(), resolver.Asked.Distinct().Order()); // judged on what the resolver answered
        Assert.Empty(reached);
    }

    [Fact]
    public async Task TheAddressCheckedIsTheAddressConnectedTo()
    {
        // An allowed name is connected to through the same resolver: the check cannot look at one answer and connect to another.
        var resolver = new FakeResolver(new() { ["mirror.test"] = Addresses("127.0.0.1"), ["rebind.test"] = Addresses("127.0.0.1") });
        await using var checker = new OutboundHarness(new() { ["Outbound:AllowedHosts:0"] = $"mirror.test:{Port}" }, resolver);

        var allowed = await checker.CheckOneAsync($"http://mirror.test:{Port}/ok");
        var other = await checker.CheckOneAsync($"http://rebind.test:{Port}/ok");
        var otherPort = await checker.CheckOneAsync($"http://mirror.test:{Port + 1}/ok");

        Assert.Equal((SourceOutcome.Ok, 200), (allowed.Outcome, allowed.Status));
        Assert.Equal([$"mirror.test:{Port}/ok"], reached);
        Assert.StartsWith("refused: rebind.test resolves to 127.0.0.1, a loopback address", other.Detail);
        Assert.StartsWith("refused: mirror.test resolves to 127.0.0.1", otherPort.Detail); // the port is part of the entry
    }

    public static TheoryData<string> LiteralSpellings => new()
    {
        "http://127.0.0.1:{port}/",
        "http://2130706433:{port}/",
        "http://0177.0.0.1:{port}/",
        "http://0x7f000001:{port}/",
        "http://0x7f.0.0.1:{port}/",
        "http://127.1:{port}/",
        "http://[::ffff:127.0.0.1]:{port}/",
        "http://[::ffff:7f00:1]:{port}/",
        "http://[0:0:0:0:0:ffff:127.0.0.1]:{port}/",
        "http://[::1]:{port}/",
        "http://0.0.0.0:{port}/",
        "http://0:{port}/",
        "http://[::]:{port}/",
        "http://localhost:{port}/",
        "https://localhost:{port}/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:169.254.169.254]/latest/meta-data/",
        "http://100.64.0.1/",
        "http://10.0.0.1/",
        "http://192.168.0.1/",
    };

    [Theory]
    [MemberData(nameof(LiteralSpellings))]
    public async Task EverySpellingOfAnInternalAddressIsRefused(string spelled)
    {
        await using var checker = new OutboundHarness(new());

        var result = await checker.CheckOneAsync(spelled.Replace("{port}", Port.ToString()));

        Assert.True(result.Broken);
        Assert.Matches(@"^refused: .*(loopback|unspecified|unique-local|link-local|shared|private).* address$", result.Detail);
        Assert.Empty(reached);
    }

    [Theory]
    [InlineData("http://user:password@{host}/ok")]
    [InlineData("http://user@{host}/ok")]
    [InlineData("http://:password@{host}/ok")]
    [InlineData("https://user:password@{host}/ok")]
    [InlineData("http://user%40example.org:p%3Ass@{host}/ok")]
    public async Task UrlsWithUserInformationAreRefusedEvenToAnAllowedHost(string spelled)
    {
        await using var checker = new OutboundHarness(new() { ["Outbound:AllowedHosts:0"] = internalService.HostAndPort });

        var result = await checker.CheckOneAsync(spelled.Replace("{host}", internalService.HostAndPort));

        Assert.Equal("refused: URLs with a user name or password are not requested", result.Detail);
        Assert.Empty(reached);
    }

    [Theory]
    [InlineData("ftp://ftp.example.org/pub/file", "ftp")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("data:text/plain,hello", "data")]
    [InlineData("gopher://127.0.0.1:70/", "gopher")]
    [InlineData("javascript:alert(1)", "javascript")]
    public async Task OtherSchemesAreRefused(string url, string scheme)
    {
        await using var checker = new OutboundHarness(new());

        var result = await checker.CheckOneAsync(url);

        Assert.Equal((SourceOutcome.Broken, $"refused: {scheme}: URLs are not requested"), (result.Outcome, result.Detail));
    }

    [Fact]
    public async Task ARedirectToANameResolvingInsideIsRefused()
    {
        await using var front = await FakeServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = $"http://inside.test:{Port}/admin?token=secret";
            return Task.CompletedTask;
        });
        var resolver = new FakeResolver(new() { ["public.test"] = Addresses("127.0.0.1"), ["inside.test"] = Addresses("::ffff:127.0.0.1") });
        await using var checker = new OutboundHarness(new() { ["Outbound:AllowedHosts:0"] = $"public.test:{new Uri(front.BaseUrl).Port}" }, resolver);

        var result = await checker.CheckOneAsync($"http://public.test:{new Uri(front.BaseUrl).Port}/moved");

        Assert.Equal("redirect refused: inside.test resolves to ::ffff:127.0.0.1, a loopback address", result.Detail);
        Assert.Equal($"http://inside.test:{Port}/admin?token=secret", result.FinalUrl);
        Assert.Empty(reached);
    }
}
