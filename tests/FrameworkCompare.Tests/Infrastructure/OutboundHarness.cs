using System.Net;
using FrameworkCompare.Web.Checks;
using FrameworkCompare.Web.Outbound;
using FrameworkCompare.Web.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Infrastructure;

/// <summary>Answers each name with the addresses a test chose (the DNS an attacker controls); any other name fails to resolve.</summary>
public sealed class FakeResolver(Dictionary<string, IPAddress[]> answers) : IHostResolver
{
    public List<string> Asked { get; } = [];

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        lock (Asked) Asked.Add(host);
        return answers.TryGetValue(host, out var addresses) ? Task.FromResult(addresses)
            : IPAddress.TryParse(host, out var literal) ? Task.FromResult<IPAddress[]>([literal])
            : throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound);
    }
}

/// <summary>The source checker and registry clients as the site wires them, over settings and, optionally, a fake resolver.</summary>
public sealed class OutboundHarness : IAsyncDisposable
{
    readonly ServiceProvider provider;

    public OutboundHarness(Dictionary<string, string?> settings, IHostResolver? resolver = null)
    {
        var services = new ServiceCollection();
        settings.TryAdd("SourceChecks:PerHostDelayMs", "0");
        settings.TryAdd("SourceChecks:TimeoutSeconds", "5");
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        if (resolver is not null) services.AddSingleton(resolver);
        services.AddSourceChecks();
        services.AddRegistries();
        provider = services.BuildServiceProvider();
    }

    public async Task<List<SourceResult>> CheckAsync(params string[] urls) =>
        await provider.GetRequiredService<SourceChecker>().CheckAsync(urls, null, CancellationToken.None);

    public async Task<SourceResult> CheckOneAsync(string url) => Assert.Single(await CheckAsync(url));

    public IPackageRegistry Registry(string name) => provider.GetServices<IPackageRegistry>().Single(r => r.Name == name);

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
