namespace FrameworkCompare.Web.Outbound;

/// <summary>Limits on every request the site makes to other servers (section Outbound): source checks and registry checks.</summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    /// <summary>
    /// Hosts reached even though their address is loopback, private or otherwise special: "host" (any port) or "host:port"
    /// ("[::1]:8080" for IPv6). Scheme and user-information rules still apply. Empty by default; a mirror on the local
    /// network, or a test's local server, is listed here.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Redirects followed for one request before it counts as failed.</summary>
    public int MaxRedirects { get; set; } = 10;

    /// <summary>The largest response body read into memory; npm itself caps a package document at 100 MB.</summary>
    public long MaxResponseBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>The longest one request (one hop of a redirect chain) may take, connecting included.</summary>
    public double TimeoutSeconds { get; set; } = 30;
}
