using System.Net;
using System.Net.Sockets;
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
/// </summary>
public sealed class SourceChecker(IHttpClientFactory clients, IOptions<SourceCheckOptions> options)
{
    const int MaxRedirects = 10;
    readonly SourceCheckOptions settings = options.Value;

    public async Task<List<SourceResult>> CheckAsync(IReadOnlyList<string> urls, IProgress<int>? progress, CancellationToken ct)
    {
        var gates = new HostGates(Math.Max(1, settings.PerHostConcurrency), TimeSpan.FromMilliseconds(Math.Max(0, settings.PerHostDelayMs)));
        var client = clients.CreateClient(SourceCheckOptions.ClientName);
        var done = 0;
        return [.. await Task.WhenAll(urls.Select(async url =>
        {
            var result = await CheckOneAsync(client, gates, url, ct);
            progress?.Report(Interlocked.Increment(ref done));
            return result;
        }))];
    }

    async Task<SourceResult> CheckOneAsync(HttpClient client, HostGates gates, string url, CancellationToken ct)
    {
        var current = new Uri(url);
        for (var redirects = 0; ; redirects++)
        {
            var (status, location, failure) = await AskAsync(client, gates, current, ct);
            if (failure is not null) return new SourceResult(url, SourceOutcome.Broken, null, Final(url, current), failure);
            if (status is >= 300 and < 400 && location is not null)
            {
                if (redirects == MaxRedirects)
                    return new SourceResult(url, SourceOutcome.Broken, status, Final(url, current), $"too many redirects (more than {MaxRedirects})");
                current = new Uri(current, location);
                continue;
            }
            var ok = status is >= 200 and < 300;
            var outcome = !ok ? SourceOutcome.Broken : redirects == 0 ? SourceOutcome.Ok : SourceOutcome.Redirected;
            return new SourceResult(url, outcome, status, Final(url, current), status!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    static string? Final(string url, Uri current) => current.AbsoluteUri == new Uri(url).AbsoluteUri ? null : current.AbsoluteUri;

    /// <summary>One hop: HEAD, then GET when the server refuses HEAD (many do) or drops the connection.</summary>
    async Task<(int? Status, Uri? Location, string? Failure)> AskAsync(HttpClient client, HostGates gates, Uri uri, CancellationToken ct)
    {
        var head = await SendAsync(client, gates, HttpMethod.Head, uri, ct);
        if (head.Status is 405 or 501 or 403 || (head.Failure is not null && head.Failure != "timeout"))
            return await SendAsync(client, gates, HttpMethod.Get, uri, ct);
        return head;
    }

    async Task<(int? Status, Uri? Location, string? Failure)> SendAsync(HttpClient client, HostGates gates, HttpMethod method, Uri uri, CancellationToken ct)
    {
        using var slot = await gates.EnterAsync(uri.Host, ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.UserAgent.ParseAdd(settings.EffectiveUserAgent);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, response.Headers.Location, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, null, "timeout");
        }
        catch (HttpRequestException e)
        {
            return (null, null, NetworkError(e));
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
