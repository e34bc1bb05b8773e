using System.Net;
using System.Net.Sockets;
using Network = System.Net.IPNetwork;

namespace FrameworkCompare.Web.Outbound;

/// <summary>
/// Which addresses are not the public internet: IANA's special-purpose ranges for IPv4 and IPv6. IPv6 is accepted only
/// inside global unicast (2000::/3); IPv4 embedded in IPv6 (mapped, NAT64) is judged as the IPv4 address it reaches.
/// </summary>
public static class SpecialAddresses
{
    static readonly (Network Range, string Kind)[] V4 =
    [
        (Network.Parse("0.0.0.0/8"), "an unspecified (\"this network\")"),
        (Network.Parse("10.0.0.0/8"), "a private"),
        (Network.Parse("100.64.0.0/10"), "a shared (carrier-grade NAT)"),
        (Network.Parse("127.0.0.0/8"), "a loopback"),
        (Network.Parse("169.254.0.0/16"), "a link-local"),
        (Network.Parse("172.16.0.0/12"), "a private"),
        (Network.Parse("192.0.0.0/24"), "a protocol-assignment"),
        (Network.Parse("192.0.2.0/24"), "a documentation"),
        (Network.Parse("192.88.99.0/24"), "a relay anycast"),
        (Network.Parse("192.168.0.0/16"), "a private"),
        (Network.Parse("198.18.0.0/15"), "a benchmarking"),
        (Network.Parse("198.51.100.0/24"), "a documentation"),
        (Network.Parse("203.0.113.0/24"), "a documentation"),
        (Network.Parse("224.0.0.0/4"), "a multicast"),
        (Network.Parse("240.0.0.0/4"), "a reserved"),
    ];

    static readonly Network GlobalUnicast = Network.Parse("2000::/3");
    static readonly Network Nat64 = Network.Parse("64:ff9b::/96");

    static readonly (Network Range, string Kind)[] V6 =
    [
        (Network.Parse("::/128"), "an unspecified"),
        (Network.Parse("::1/128"), "a loopback"),
        (Network.Parse("fc00::/7"), "a unique-local (private)"),
        (Network.Parse("fe80::/10"), "a link-local"),
        (Network.Parse("fec0::/10"), "a site-local"),
        (Network.Parse("ff00::/8"), "a multicast"),
        (Network.Parse("2001::/23"), "a protocol-assignment"),
        (Network.Parse("2001:db8::/32"), "a documentation"),
        (Network.Parse("2002::/16"), "a 6to4"),
        (Network.Parse("3fff::/20"), "a documentation"),
    ];

    /// <summary>Null for a public address; otherwise what kind it is, such as "a loopback" or "a private".</summary>
    public static string? KindOf(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return V4.FirstOrDefault(r => r.Range.Contains(address)).Kind;
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return "an unknown kind of";
        if (address.IsIPv4MappedToIPv6) return KindOf(address.MapToIPv4());
        if (Nat64.Contains(address)) return KindOf(new IPAddress(address.GetAddressBytes()[12..]));
        if (V6.FirstOrDefault(r => r.Range.Contains(address)).Kind is { } kind) return kind;
        return GlobalUnicast.Contains(address) ? null : "a reserved";
    }

    public static bool IsPublic(IPAddress address) => KindOf(address) is null;
}
