using FrameworkCompare.Web.ReadModel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Tests.ReadModel;

/// <summary>Before the first snapshot (a first start on an empty database) pages answer 503 with Retry-After, never 500.</summary>
public sealed class SnapshotGateTests
{
    static SnapshotGate Gate(RequestDelegate next) =>
        new(next, new CurrentSnapshot(), Options.Create(new ReadModelOptions { StartupWaitSeconds = 0 }));

    [Fact]
    public async Task ARequestBeforeTheFirstSnapshotIsAnswered503WithRetryAfter()
    {
        var reached = false;
        var http = new DefaultHttpContext();
        await Gate(_ => { reached = true; return Task.CompletedTask; }).InvokeAsync(http);
        Assert.False(reached);
        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task APageThatFindsNoSnapshotMidwayIsAnswered503NotAnError()
    {
        var current = new CurrentSnapshot();
        var http = new DefaultHttpContext();
        var gate = new SnapshotGate(_ => throw new SnapshotNotReadyException(), current, Options.Create(new ReadModelOptions { StartupWaitSeconds = 0 }));
        await gate.InvokeAsync(http);
        Assert.Equal(503, http.Response.StatusCode);
    }
}
