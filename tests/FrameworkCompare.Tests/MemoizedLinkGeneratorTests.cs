using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.ReadModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FrameworkCompare.Tests;

public sealed class MemoizedLinkGeneratorTests
{
    [Fact]
    public void APathFromARouteNameAndStringsIsMadeOnceAndGivenBackAsMade()
    {
        var inner = new CountingLinks();
        var links = new MemoizedLinkGenerator(inner);
        var first = links.GetPathByName("fact-report", new { framework = "django", attribute = "orm" });
        var second = links.GetPathByName("fact-report", new { framework = "django", attribute = "orm" });
        Assert.Equal("/fact-report/django/orm", first);
        Assert.Same(first, second);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void EachDifferenceInTheRequestReachesTheRouting()
    {
        var inner = new CountingLinks();
        var links = new MemoizedLinkGenerator(inner);
        links.GetPathByName("fact-report", new { framework = "django", attribute = "orm" });
        Assert.Equal("/fact-report/flask/orm", links.GetPathByName("fact-report", new { framework = "flask", attribute = "orm" }));
        Assert.Equal("/fact-report/django/orm", links.GetPathByName("fact-report", new { attribute = "django", framework = "orm" }));
        Assert.Equal("/base/fact-report/django/orm", links.GetPathByName("fact-report", new { framework = "django", attribute = "orm" }, new PathString("/base")));
        Assert.Equal("/fact-history/django/orm", links.GetPathByName("fact-history", new { framework = "django", attribute = "orm" }));
        Assert.Equal(5, inner.Calls);
    }

    [Fact]
    public void ValuesThatAreNotStringsAndRequestBoundCallsAreNotRemembered()
    {
        var inner = new CountingLinks();
        var links = new MemoizedLinkGenerator(inner);
        links.GetPathByName("page", new { page = 2 });
        links.GetPathByName("page", new { page = 2 });
        var context = new DefaultHttpContext();
        links.GetPathByName(context, "fact-report", new { framework = "django", attribute = "orm" });
        links.GetPathByName(context, "fact-report", new { framework = "django", attribute = "orm" });
        links.GetPathByName("three", new { a = "1", b = "2", c = "3" });
        links.GetPathByName("three", new { a = "1", b = "2", c = "3" });
        Assert.Equal(6, inner.Calls);
    }

    [Fact]
    public async Task ANewSnapshotForgetsThePaths()
    {
        var inner = new CountingLinks();
        var links = new MemoizedLinkGenerator(inner);
        links.GetPathByName("framework", new { slug = "django" });
        await ((ISnapshotSubscriber)links).ApplyAsync(null!, CancellationToken.None);
        links.GetPathByName("framework", new { slug = "django" });
        Assert.Equal(2, inner.Calls);
    }

    /// <summary>Makes "/{route}/{values in order}" and counts the calls that reach it.</summary>
    sealed class CountingLinks : LinkGenerator
    {
        public int Calls;

        string Make<TAddress>(TAddress address, RouteValueDictionary values, PathString pathBase)
        {
            Calls++;
            return $"{pathBase}/{address}/{string.Join('/', values.Values)}";
        }

        public override string? GetPathByAddress<TAddress>(HttpContext httpContext, TAddress address, RouteValueDictionary values,
            RouteValueDictionary? ambientValues = null, PathString? pathBase = null, FragmentString fragment = default, LinkOptions? options = null) =>
            Make(address, values, pathBase ?? httpContext.Request.PathBase);

        public override string? GetPathByAddress<TAddress>(TAddress address, RouteValueDictionary values, PathString pathBase = default,
            FragmentString fragment = default, LinkOptions? options = null) => Make(address, values, pathBase);

        public override string? GetUriByAddress<TAddress>(HttpContext httpContext, TAddress address, RouteValueDictionary values,
            RouteValueDictionary? ambientValues = null, string? scheme = null, HostString? host = null, PathString? pathBase = null,
            FragmentString fragment = default, LinkOptions? options = null) => throw new NotSupportedException();

        public override string? GetUriByAddress<TAddress>(TAddress address, RouteValueDictionary values, string scheme, HostString host,
            PathString pathBase = default, FragmentString fragment = default, LinkOptions? options = null) => throw new NotSupportedException();
    }
}
