using System.Net;
using System.Text.Json;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Api;

/// <summary>The API shares the search and export limit; past it, 429 with Retry-After as a problem document.</summary>
public sealed class ApiRateLimitTests : IDisposable
{
    readonly SiteFactory site = new(settings: new Dictionary<string, string>
    {
        ["RateLimits:PermitLimit"] = "3",
        ["RateLimits:WindowSeconds"] = "60",
    });

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task PastTheLimitTheApiAnswers429WithRetryAfter()
    {
        var client = site.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=django")).StatusCode);
        // Cached answers count too: the limit is per client, not per piece of work.
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/frameworks");
        request.Headers.Add("Origin", "https://elsewhere.example");
        var limited = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.Equal(429, JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        // A browser script elsewhere can read the refusal and its Retry-After.
        Assert.Equal("*", limited.Headers.GetValues("Access-Control-Allow-Origin").Single());
        // The reference page is a page, not the API, so it is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api")).StatusCode);
    }
}

/// <summary>API answers are output-cached like pages and refreshed by an import, like pages.</summary>
public sealed class ApiFreshnessTests : IDisposable
{
    readonly SiteFactory site = new();

    public void Dispose() => site.Dispose();

    async Task<string> NameOfFlaskAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/v1/frameworks/flask")).RootElement.GetProperty("framework").GetProperty("name").GetString()!;

    [Fact]
    public async Task AnImportChangesTheAnswerAndItsETag()
    {
        var client = site.CreateReader();
        Assert.Equal("Flask", await NameOfFlaskAsync(client));
        var before = (await client.GetAsync("/api/v1/frameworks/flask")).Headers.ETag!.Tag;
        site.Content.Replace("frameworks/flask.md", "name: Flask", "name: Flask 4");
        await site.ImportAsync();
        Assert.Equal("Flask 4", await NameOfFlaskAsync(client));
        Assert.NotEqual(before, (await client.GetAsync("/api/v1/frameworks/flask")).Headers.ETag!.Tag);
        var faq = JsonDocument.Parse(await client.GetStringAsync("/api/v1/faq")).RootElement;
        Assert.Single(faq.GetProperty("entries").EnumerateArray());
    }
}
