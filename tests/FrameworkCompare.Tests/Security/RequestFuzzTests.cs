using System.Net;
using System.Text;
using FrameworkCompare.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Security;

/// <summary>Ten thousand generated hostile requests: none may answer 5xx or serve a file from outside wwwroot.</summary>
public sealed class RequestFuzzTests : IDisposable
{
    const int Requests = 10_000;
    readonly SiteFactory site = new();

    readonly HttpClient client;

    // Real Kestrel, not TestServer: malformed requests must meet the same parser as in production.
    public RequestFuzzTests()
    {
        site.UseKestrel(0);
        site.StartServer();
        var address = site.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }

    public void Dispose()
    {
        client.Dispose();
        site.Dispose();
    }

    static readonly string[] Templates =
    [
        "/{0}", "/{0}/{1}", "/compare/{0}", "/compare/{0}-vs-{1}", "/compare/django-vs-{0}", "/compare/{0}?only={1}&format={1}",
        "/compare/django-vs-flask?format={0}", "/compare?f={0}&f={1}", "/frameworks/{0}", "/frameworks?sort={0}&dir={1}&language={0}&kind={1}",
        "/articles/{0}", "/faq/{0}", "/search?q={0}", "/search?q={0}&q={1}", "/css/{0}", "/css/site.css?v={0}", "/error/{0}",
        "/content-status?{0}={1}", "/sitemap.xml?{0}", "/feed.xml/{0}", "/{0}?{1}",
    ];

    static readonly string[] Hostile =
    [
        "..%2f..%2fappsettings.json", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd", "....//....//etc/passwd", "..\\..\\appsettings.json",
        "%2e%2e%5c%2e%2e%5cappsettings.json", "..%252f..%252fappsettings.json", "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/etc/passwd",
        "%FF%FE", "%C3%28", "%ED%A0%80", "%F0%28%8C%BC", "%E2%82", "%00", "%0d%0aSet-Cookie:%20x=1", "%25", "%", "%%32%65",
        "' OR 1=1 --", "\"; DROP TABLE Frameworks; --", "AND (", "NEAR(a b)", "*", "\"", "title:django", "-", "^", "{{7*7}}", "${7*7}",
        "%3Cscript%3Ealert(1)%3C/script%3E", "javascript:alert(1)", "Django", "DJANGO", "fl%C3%A4sk", "%E6%97%A5%E6%9C%AC", "%D9%85%D8%B1%D8%AD%D8%A8%D8%A7",
        "%F0%9F%98%80", "-vs-", "-vs--vs-", "django-vs-", "vs", "a-vs-b-vs-c-vs-d-vs-e-vs-f", "0", "-1", "99999999999999999999", "NaN", "null",
        "appsettings.json", "FrameworkCompare.Web.dll", "web.config", ".git/config", "~", ";", "&", "=", "+", "%20", "%09", "%2F", "//",
    ];

    static string Word(Random random)
    {
        return random.Next(8) switch
        {
            0 => new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray()),
            1 => new string('a', random.Next(1000, 10_000)),
            2 => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => $"%{random.Next(256):X2}")),
            3 => Uri.EscapeDataString(new string(Enumerable.Range(0, random.Next(1, 20)).Select(_ => (char)random.Next(0x20, 0x3000)).ToArray())),
            _ => Hostile[random.Next(Hostile.Length)],
        };
    }

    HttpRequestMessage Generate(Random random)
    {
        var template = Templates[random.Next(Templates.Length)];
        var target = string.Format(template, Word(random), Word(random));
        var method = random.Next(10) switch { 0 => HttpMethod.Head, 1 => HttpMethod.Post, 2 => HttpMethod.Options, 3 => HttpMethod.Delete, _ => HttpMethod.Get };
        // Absolute, so a target such as //etc/passwd stays a path and never becomes a host.
        var request = new HttpRequestMessage(method, new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + target));
        if (random.Next(3) == 0) request.Headers.TryAddWithoutValidation("Accept", Word(random));
        if (random.Next(3) == 0) request.Headers.TryAddWithoutValidation("Accept-Encoding", random.Next(2) == 0 ? "br, gzip" : Word(random));
        if (random.Next(4) == 0) request.Headers.TryAddWithoutValidation("If-None-Match", Word(random));
        if (random.Next(5) == 0) request.Headers.TryAddWithoutValidation("Range", "bytes=" + Word(random));
        if (random.Next(5) == 0) request.Headers.TryAddWithoutValidation("Cookie", Word(random));
        if (random.Next(5) == 0) request.Headers.TryAddWithoutValidation("X-Forwarded-For", Word(random));
        if (method == HttpMethod.Post) request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Word(random)));
        return request;
    }

    [Fact]
    public async Task NoGeneratedRequestGetsA5xxOrAFileFromOutsideWwwroot()
    {
        var random = new Random(20261122);
        var requests = Enumerable.Range(0, Requests).Select(_ => Generate(random)).ToList();
        var failures = new List<string>();
        var sent = 0;
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, ct) =>
        {
            var target = $"{request.Method} {request.RequestUri!.OriginalString[..Math.Min(120, request.RequestUri.OriginalString.Length)]}";
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            Interlocked.Increment(ref sent);
            string? problem = (int)response.StatusCode >= 500 ? $"{(int)response.StatusCode}"
                : body.Contains("\"ConnectionStrings\"") || body.Contains("root:x:0:0") || body.Contains("<Project Sdk") ? "served a file from outside wwwroot"
                : null;
            if (problem is not null) lock (failures) failures.Add($"{target}: {problem}");
        });
        Assert.Equal(Requests, sent);
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    [Theory]
    [InlineData("/compare/%09", 400)]
    [InlineData("/frameworks/%E2%85%B2%E1%AF%B7", 404)]
    [InlineData("/frameworks/Flask%C3%84", 404)]
    [InlineData("/error/0", 404)]
    [InlineData("/error/500", 404)]
    [InlineData("/error/-1", 404)]
    public async Task RequestsTheFuzzerOnceBrokeGetA4xx(string url, int status)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("/..%2f..%2fappsettings.json")]
    [InlineData("/css/..%2f..%2fappsettings.json")]
    [InlineData("/css/%2e%2e/%2e%2e/appsettings.json")]
    [InlineData("/appsettings.json")]
    [InlineData("/FrameworkCompare.Web.dll")]
    public async Task TraversalNeverReachesFilesBesideTheApp(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
