using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// The version of each cache tag in the snapshot being served, for cache keys: an entry stored from an older snapshot
/// is never found. The frameworks tag also counts the date steps passed (a fact turning stale, a "recent" mark ending),
/// so those pages change on their day with no import.
/// </summary>
public sealed class ContentVersions(CurrentSnapshot current, TimeProvider clock)
{
    public string Of(string[] tags) => current.OrNull is { } snapshot ? Of(snapshot, tags) : "none";

    public string Of(SiteSnapshot snapshot, string[] tags) =>
        string.Join('.', tags.Select(tag => tag == ContentTags.Frameworks
            ? $"{snapshot.TagVersions.GetValueOrDefault(tag)}d{snapshot.DateStep(clock.GetUtcNow())}"
            : snapshot.TagVersions.GetValueOrDefault(tag).ToString()));
}
