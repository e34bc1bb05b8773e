using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>
/// Someone else's site: a tiny server on its own loopback port (so its own origin) answering every request with one
/// HTML page, for embedding the site's pages as another site would.
/// </summary>
public sealed class OtherSite : IDisposable
{
    readonly HttpListener listener = new();
    readonly byte[] page;

    public Uri BaseAddress { get; }

    public OtherSite(string html)
    {
        page = Encoding.UTF8.GetBytes(html);
        // localhost, not 127.0.0.1 like the site: another host and another port, so plainly another origin.
        BaseAddress = new Uri($"http://localhost:{FreePort()}/");
        listener.Prefixes.Add(BaseAddress.ToString());
        listener.Start();
        _ = ServeAsync();
    }

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var response = context.Response;
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength64 = page.Length;
            await response.OutputStream.WriteAsync(page);
            response.Close();
        }
    }

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => listener.Close();
}
