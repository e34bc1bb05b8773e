using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Outbound;

public static class OutboundSetup
{
    /// <summary>Registers <see cref="OutboundClient"/> once, however many features ask for it.</summary>
    public static void AddOutbound(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(OutboundClient))) return;
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section)
            .Validate(o => { AllowedHost.ParseAll(o.AllowedHosts, out var invalid); return invalid.Count == 0; },
                $"{OutboundOptions.Section}:AllowedHosts: every entry must be a host name or address, optionally with :port")
            .Validate(o => o.TimeoutSeconds > 0 && o.MaxResponseBytes > 0, $"{OutboundOptions.Section}: TimeoutSeconds and MaxResponseBytes must be positive")
            .ValidateOnStart();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<OutboundPolicy>();
        services.AddSingleton<OutboundClient>();
        services.AddHttpClient(OutboundClient.ClientName, (provider, client) =>
            {
                var settings = provider.GetRequiredService<IOptions<OutboundOptions>>().Value;
                client.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
                client.MaxResponseContentBufferSize = Math.Min(settings.MaxResponseBytes, int.MaxValue);
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // Redirects are followed by OutboundClient, which checks every hop; a proxy would hide the address connected to.
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectCallback = provider.GetRequiredService<OutboundPolicy>().ConnectAsync,
                ConnectTimeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<OutboundOptions>>().Value.TimeoutSeconds),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
    }
}
