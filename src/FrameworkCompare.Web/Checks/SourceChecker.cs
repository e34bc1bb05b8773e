using System.Net.Sockets;
using FrameworkCompare.Web.Outbound;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Checks;

public enum SourceOutcome { Ok, Redirected, Broken }

/// <summary>One URL's answer. Detail is what editors read: the HTTP code, "timeout", or the network error.</summary>
public sealed record SourceResult(string Url, SourceOutcome Outcome, int? Status, string? FinalUrl, string Detail)
{
    public bool Broken => Outcome == SourceOutcome.Broken;
}

/// <summary>
/// Asks each source URL whether it still answers: HEAD, or GET where HEAD is refused; redirects followed by hand so the
/// final address can be reported. Hosts are checked in parallel, each politely: a few requests at a time, spaced out.
/// Every hop goes through <see cref="OutboundClient"/>, so internal addresses and other schemes are refused, and nothing
/// one source does (a redirect to data:, a malformed answer) ends the run: it becomes that source's result.
/// </summary>
public sealed class SourceChecker(OutboundClient outbound, IOptions<SourceCheckOptions> options)
{
    /// <summary>Longer redirect targets are not kept: they are not an address an editor would cite.</summary>
    const int MaxStoredUrlLength = 2048;
    readonly SourceCheckOptions settings = options.Value;

    public async Task<List<SourceResult>> CheckAsync(IReadOnlyList<string> urls, IProgress<int>? progress, CancellationToken ct)
    {
        var gates = new HostGates(Math.Max(1, settings.PerHostConcurrency), TimeSpan.FromMilliseconds(Math.Max(0, settings.PerHostDelayMs)));
        var done = 0;
        return [.. await Task.WhenAll(urls.Select(async url =>
        {
            var result = await CheckOneAsync(gates, url, ct);
            progress?.Report(Interlocked.Increment(ref done));
            return result;
        }))];
    }

    async Task<SourceResult> CheckOneAsync(HostGates gates, string url, CancellationToken ct)
    {
        try
        {
            return await FollowAsync(gates, url, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return new SourceResult(url, SourceOutcome.Broken, null, null, $"check failed: {e.Message}");
        }
    }

    async Task<SourceResult> FollowAsync(HostGates gates, string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var first)) return new SourceResult(url, SourceOutcome.Broken, null, null, "not an absolute URL");
        var current = first;
        for (var redirects = 0; ; redirects++)
        {
            var hop = await AskAsync(gates, current, ct);
            if (hop.Failure is not null)
                return new SourceResult(url, SourceOutcome.Broken, null, Final(first, current), redirects > 0 && hop.Refused ? "redirect " + hop.Failure : hop.Failure);
            if (hop.Location is not null)
            {
                if (redirects == outbound.MaxRedirects)
                    return new SourceResult(url, SourceOutcome.Broken, hop.Status, Final(first, current), $"too many redirects (more than {outbound.MaxRedirects})");
                current = hop.Location;
                continue;
            }
            var ok = hop.Status is >= 200 and < 300;
            var outcome = !ok ? SourceOutcome.Broken : redirects == 0 ? SourceOutcome.Ok : SourceOutcome.Redirected;
            return new SourceResult(url, outcome, hop.Status, Final(first, current), hop.Status!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Where the chain ended, when it moved; only http(s) addresses of a sensible length are kept (never a data: URL).</summary>
    static string? Final(Uri first, Uri current) =>
        current.AbsoluteUri == first.AbsoluteUri || current.Scheme is not ("http" or "https") || current.AbsoluteUri.Length > MaxStoredUrlLength
            ? null : current.AbsoluteUri;

    sealed record Hop(int? Status, Uri? Location, string? Failure, bool Refused = false);

    /// <summary>One hop: HEAD, then GET when the server refuses HEAD (many do) or drops the connection.</summary>
    async Task<Hop> AskAsync(HostGates gates, Uri uri, CancellationToken ct)
    {
        var head = await SendAsync(gates, HttpMethod.Head, uri, ct);
        if (head.Status is 405 or 501 or 403 || (head.Failure is not null && head.Failure != "timeout" && !head.Refused))
            return await SendAsync(gates, HttpMethod.Get, uri, ct);
        return head;
    }

    async Task<Hop> SendAsync(HostGates gates, HttpMethod method, Uri uri, CancellationToken ct)
    {
        using var slot = await gates.EnterAsync(uri.Host, ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            // Only the headers are read: a source's body, however large, is never downloaded.
            using var response = await outbound.SendOnceAsync(method, uri, settings.EffectiveUserAgent, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new Hop((int)response.StatusCode, OutboundClient.RedirectTarget(uri, response), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Hop(null, null, "timeout");
        }
        catch (HttpRequestException e) when ((e as OutboundRefusedException ?? e.InnerException as OutboundRefusedException) is { } refused)
        {
            return new Hop(null, null, refused.Message, Refused: true);
        }
        catch (HttpRequestException e)
        {
            return new Hop(null, null, NetworkError(e));
        }
    }

    static string NetworkError(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "DNS lookup failed",
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException s => $"network error: {s.SocketErrorCode}",
        System.Security.Authentication.AuthenticationException => "TLS error: " + e.InnerException.Message,
        _ => e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "DNS lookup failed",
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.SecureConnectionError => "TLS error",
            _ => "network error: " + e.Message,
        },
    };

    /// <summary>Per host: at most N requests in flight, and starts spaced by the delay.</summary>
    sealed class HostGates(int concurrency, TimeSpan delay)
    {
        readonly Dictionary<string, (SemaphoreSlim Slots, DateTimeOffset[] NextStart)> hosts = [];

        public async Task<IDisposable> EnterAsync(string host, CancellationToken ct)
        {
            (SemaphoreSlim Slots, DateTimeOffset[] NextStart) gate;
            lock (hosts)
                if (!hosts.TryGetValue(host, out gate)) hosts[host] = gate = (new SemaphoreSlim(concurrency), [DateTimeOffset.MinValue]);
            await gate.Slots.WaitAsync(ct);
            TimeSpan wait;
            lock (gate.NextStart)
            {
                var now = DateTimeOffset.UtcNow;
                var start = gate.NextStart[0] > now ? gate.NextStart[0] : now;
                gate.NextStart[0] = start + delay;
                wait = start - now;
            }
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            }
            catch (OperationCanceledException)
            {
                gate.Slots.Release();
                throw;
            }
            return new Release(gate.Slots);
        }

        sealed class Release(SemaphoreSlim slots) : IDisposable
        {
            public void Dispose() => slots.Release();
        }
    }
}
