using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Outbound;

/// <summary>
/// What the site may ask: http(s) URLs without user information, to hosts whose every address is public unless the host is
/// allowed by name. URLs are judged before each request (every redirect hop); addresses are judged when connecting, on the
/// very addresses the socket then uses, so a name that resolves differently the second time (DNS rebinding) cannot pass.
/// </summary>
public sealed class OutboundPolicy(IHostResolver resolver, IOptions<OutboundOptions> options)
{
    readonly List<AllowedHost> allowed = AllowedHost.ParseAll(options.Value.AllowedHosts, out _);

    /// <summary>Throws <see cref="OutboundRefusedException"/> when the URL may not be requested.</summary>
    public void CheckUrl(Uri uri)
    {
        if (!uri.IsAbsoluteUri) throw new OutboundRefusedException("not an absolute URL");
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) throw new OutboundRefusedException($"{uri.Scheme}: URLs are not requested");
        if (uri.UserInfo.Length > 0) throw new OutboundRefusedException("URLs with a user name or password are not requested");
        // Literal addresses are refused here already, for a clear reason; names are judged when connecting.
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && !IsAllowed(uri.IdnHost, uri.Port)
            && IPAddress.TryParse(uri.IdnHost, out var literal) && SpecialAddresses.KindOf(literal) is { } kind)
            throw new OutboundRefusedException($"{literal} is {kind} address");
    }

    public bool IsAllowed(string host, int port) => allowed.Any(a => a.Matches(host, port));

    /// <summary>SocketsHttpHandler.ConnectCallback: resolve, refuse if any address is special, connect to the checked addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = await resolver.ResolveAsync(host, ct);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        if (!IsAllowed(host, port))
            foreach (var address in addresses)
                if (SpecialAddresses.KindOf(address) is { } kind)
                    throw new OutboundRefusedException(IPAddress.TryParse(host, out _) ? $"{address} is {kind} address" : $"{host} resolves to {address}, {kind} address");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
