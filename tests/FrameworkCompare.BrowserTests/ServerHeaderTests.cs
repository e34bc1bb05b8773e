using FrameworkCompare.BrowserTests.Infrastructure;

namespace FrameworkCompare.BrowserTests;

/// <summary>On the real server (Kestrel, as deployed), responses do not announce the server software.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ServerHeaderTests(BrowserSite site)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/frameworks")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    public async Task NoResponseNamesTheServer(string path)
    {
        using var http = site.CreateHttpClient();
        using var response = await http.GetAsync(path);
        Assert.True(response.Headers.Date is not null, "not a real HTTP response");
        Assert.False(response.Headers.Contains("Server"), $"{path} sent Server: {string.Join(", ", response.Headers.TryGetValues("Server", out var v) ? v : [])}");
    }
}
