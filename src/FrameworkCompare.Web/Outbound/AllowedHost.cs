using System.Globalization;
using System.Net;

namespace FrameworkCompare.Web.Outbound;

/// <summary>An Outbound:AllowedHosts entry: "host" (any port) or "host:port", IPv6 in brackets; names compare without case, addresses by value.</summary>
public sealed record AllowedHost(string Host, int? Port)
{
    /// <summary>Entries may also hold several hosts separated by commas, so one command-line setting can list them.</summary>
    public static List<AllowedHost> ParseAll(IEnumerable<string> entries, out List<string> invalid)
    {
        var hosts = new List<AllowedHost>();
        invalid = [];
        foreach (var entry in entries.SelectMany(e => e.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            if (TryParse(entry) is { } host) hosts.Add(host);
            else invalid.Add(entry);
        return hosts;
    }

    public static AllowedHost? TryParse(string entry)
    {
        string host;
        string? port = null;
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']');
            if (close < 0) return null;
            host = entry[1..close];
            var rest = entry[(close + 1)..];
            if (rest.Length > 0 && !rest.StartsWith(':')) return null;
            if (rest.Length > 0) port = rest[1..];
        }
        else if (entry.Count(c => c == ':') == 1)
            (host, port) = (entry[..entry.IndexOf(':')], entry[(entry.IndexOf(':') + 1)..]);
        else host = entry; // a name, or a bare IPv6 address
        if (host.Length == 0 || Uri.CheckHostName(host.TrimEnd('.')) == UriHostNameType.Unknown) return null;
        if (port is null) return new AllowedHost(Normalize(host), null);
        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? new AllowedHost(Normalize(host), number) : null;
    }

    public bool Matches(string host, int port) => (Port is null || Port == port) && Normalize(host) == Host;

    static string Normalize(string host)
    {
        var bare = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        return IPAddress.TryParse(bare, out var address) ? address.ToString() : bare;
    }
}
