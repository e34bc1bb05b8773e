using System.Collections.Concurrent;

namespace FrameworkCompare.Web.Caching;

/// <summary>A counter per cache tag, raised each time an import changes that kind of content.</summary>
public sealed class ContentVersions
{
    readonly ConcurrentDictionary<string, long> versions = new();

    public void Bump(string tag) => versions.AddOrUpdate(tag, 1, (_, v) => v + 1);

    public string Of(string[] tags) =>
        tags.Length == 1 ? versions.GetValueOrDefault(tags[0]).ToString() : string.Join('.', tags.Select(t => versions.GetValueOrDefault(t)));
}
