using System.Collections.Concurrent;
using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// The routing's link generator, remembering the paths it made from a route name and string values. A comparison page
/// asks for a few hundred of them (a report link per fact), and binding a route template costs more than writing the
/// cell. Only calls that do not depend on the request are remembered (no HttpContext, so no ambient route values).
/// The paths name content slugs, so each new snapshot starts the memory afresh.
/// </summary>
public sealed class MemoizedLinkGenerator(LinkGenerator inner) : LinkGenerator, ISnapshotSubscriber
{
    /// <summary>A bound on what one snapshot's pages can ask for (every fact, article and answer), not a working limit.</summary>
    const int MaxPaths = 100_000;
    readonly ConcurrentDictionary<PathKey, string?> paths = new();

    public override string? GetPathByAddress<TAddress>(TAddress address, RouteValueDictionary values, PathString pathBase = default,
        FragmentString fragment = default, LinkOptions? options = null)
    {
        if (address is not string name || options is not null || Key(name, values, pathBase, fragment) is not { } key)
            return inner.GetPathByAddress(address, values, pathBase, fragment, options);
        if (paths.TryGetValue(key, out var path)) return path;
        path = inner.GetPathByAddress(address, values, pathBase, fragment, options);
        if (paths.Count < MaxPaths) paths.TryAdd(key, path);
        return path;
    }

    public override string? GetPathByAddress<TAddress>(HttpContext httpContext, TAddress address, RouteValueDictionary values,
        RouteValueDictionary? ambientValues = null, PathString? pathBase = null, FragmentString fragment = default, LinkOptions? options = null) =>
        inner.GetPathByAddress(httpContext, address, values, ambientValues, pathBase, fragment, options);

    public override string? GetUriByAddress<TAddress>(TAddress address, RouteValueDictionary values, string scheme, HostString host,
        PathString pathBase = default, FragmentString fragment = default, LinkOptions? options = null) =>
        inner.GetUriByAddress(address, values, scheme, host, pathBase, fragment, options);

    public override string? GetUriByAddress<TAddress>(HttpContext httpContext, TAddress address, RouteValueDictionary values,
        RouteValueDictionary? ambientValues = null, string? scheme = null, HostString? host = null, PathString? pathBase = null,
        FragmentString fragment = default, LinkOptions? options = null) =>
        inner.GetUriByAddress(httpContext, address, values, ambientValues, scheme, host, pathBase, fragment, options);

    public ValueTask ApplyAsync(SnapshotChange change, CancellationToken ct)
    {
        paths.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>A route name with at most two string values: what the site's pages link with. Null for anything else.</summary>
    static PathKey? Key(string name, RouteValueDictionary values, PathString pathBase, FragmentString fragment)
    {
        if (values.Count > 2) return null;
        string? name1 = null, value1 = null, name2 = null, value2 = null;
        foreach (var (valueName, value) in values)
        {
            // Other types format by culture and type, which the key would have to follow.
            if (value is not (string or null)) return null;
            if (name1 is null) (name1, value1) = (valueName, (string?)value);
            else (name2, value2) = (valueName, (string?)value);
        }
        return new PathKey(name, pathBase.Value, fragment.Value, name1, value1, name2, value2);
    }

    readonly record struct PathKey(string Route, string? PathBase, string? Fragment, string? Name1, string? Value1, string? Name2, string? Value2);

    /// <summary>Wraps the link generator routing registered; call after AddControllersWithViews.</summary>
    public static void Register(IServiceCollection services)
    {
        var routing = services.Last(d => d.ServiceType == typeof(LinkGenerator));
        services.Remove(routing);
        services.AddSingleton(provider => new MemoizedLinkGenerator(routing.ImplementationType is { } type
            ? (LinkGenerator)ActivatorUtilities.CreateInstance(provider, type)
            : (LinkGenerator)routing.ImplementationFactory!(provider)));
        services.AddSingleton<LinkGenerator>(provider => provider.GetRequiredService<MemoizedLinkGenerator>());
        services.AddSingleton<ISnapshotSubscriber>(provider => provider.GetRequiredService<MemoizedLinkGenerator>());
    }
}
