using System.Collections.Concurrent;
using System.Text;
using FrameworkCompare.Web.ReadModel;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// The short path's pages, keyed by scheme, host, path and the values of the query keys the page's policy varies by.
/// Bounded in bytes: pages asked for with a query string share a quarter of the budget and evict only each other,
/// so no run of query strings pushes plain pages out.
/// </summary>
public sealed class ShortPathStore(IOptions<PageCacheOptions> options, ContentVersions versions) : ISnapshotSubscriber
{
    readonly ConcurrentDictionary<string, ShortPathEntry> entries = new(StringComparer.Ordinal);
    // The query keys each path's policy varies by, learned when the page was first rendered; routing is not asked again.
    readonly ConcurrentDictionary<string, string[]> queryKeys = new(StringComparer.Ordinal);
    readonly Lock writing = new();
    long plainBytes, queryBytes;

    long Budget => options.Value.ShortPathSizeMb * 1024L * 1024;

    public int Count => entries.Count;

    /// <summary>The current entry for this request, or null: unknown, expired, or built under older versions of its tags.</summary>
    public ShortPathEntry? Find(HttpRequest request)
    {
        if (!queryKeys.TryGetValue(PathOf(request), out var keys) || !entries.TryGetValue(KeyOf(request, keys, out _), out var entry)) return null;
        return entry.IsCurrent(versions, Environment.TickCount64) ? entry : null;
    }

    public ShortPathEntry? Add(HttpRequest request, ShortPathCapture capture, Func<string, string, bool, ShortPathEntry> build)
    {
        // Rendered under versions that are no longer current: an import ran meanwhile, so the page may be older than its key.
        if (versions.Of(capture.Tags) != capture.Version) return null;
        var path = PathOf(request);
        var key = KeyOf(request, capture.QueryKeys, out var hasQuery);
        var entry = build(key, path, hasQuery);
        var budget = hasQuery ? Budget / 4 : Budget - Budget / 4;
        if (entry.Size > budget) return null;
        lock (writing)
        {
            queryKeys[path] = capture.QueryKeys;
            if (entries.TryRemove(key, out var old)) Account(old, -1);
            while (Used(hasQuery) + entry.Size > budget && Oldest(hasQuery) is { } victim)
                if (entries.TryRemove(victim.Key, out var removed)) Account(removed, -1);
            entries[key] = entry;
            Account(entry, +1);
        }
        return entry;
    }

    /// <summary>Drops every page tagged <paramref name="tag"/>; called when content of that kind changes.</summary>
    /// <summary>A new version drops the pages of the tags it changed (their version no longer matches, so none would be served).</summary>
    public ValueTask ApplyAsync(SnapshotChange change, CancellationToken ct)
    {
        foreach (var tag in change.ChangedTags) EvictTag(tag);
        return ValueTask.CompletedTask;
    }

    public void EvictTag(string tag)
    {
        lock (writing)
            foreach (var entry in entries.Values)
                if (entry.Tags.Contains(tag) && entries.TryRemove(entry.Key, out var removed)) Account(removed, -1);
    }

    long Used(bool hasQuery) => hasQuery ? queryBytes : plainBytes;

    void Account(ShortPathEntry entry, int sign)
    {
        if (entry.HasQuery) queryBytes += sign * entry.Size;
        else plainBytes += sign * entry.Size;
    }

    /// <summary>The partition's stale or expired entry if any, else its least recently used.</summary>
    ShortPathEntry? Oldest(bool hasQuery)
    {
        var now = Environment.TickCount64;
        ShortPathEntry? oldest = null;
        foreach (var entry in entries.Values)
        {
            if (entry.HasQuery != hasQuery) continue;
            if (!entry.IsCurrent(versions, now)) return entry;
            if (oldest is null || entry.LastUsed < oldest.LastUsed) oldest = entry;
        }
        return oldest;
    }

    static string PathOf(HttpRequest request) => request.PathBase.Value + request.Path.Value;

    // Scheme and host always: the security headers differ on https, and pages name their host unless Site:PublicUrl is set
    // (then every request carries the public host, so keying by it costs nothing).
    static string KeyOf(HttpRequest request, string[] keys, out bool hasQuery)
    {
        hasQuery = false;
        var key = new StringBuilder().Append(request.Scheme).Append("://").Append(request.Host.Value).Append(PathOf(request));
        foreach (var name in keys)
        {
            if (!request.Query.TryGetValue(name, out var values)) continue;
            hasQuery = true;
            // Lengths before values, so no value can imitate another key's.
            key.Append('\n').Append(name.Length).Append(':').Append(name.ToLowerInvariant()).Append('=').Append(values.Count);
            foreach (var value in values) key.Append('\n').Append(value?.Length ?? -1).Append(':').Append(value);
        }
        return key.ToString();
    }
}
