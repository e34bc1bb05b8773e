namespace FrameworkCompare.Web.ReadModel;

/// <summary>What changed between the snapshot a node served and the one it serves now.</summary>
/// <param name="Previous">Null for the node's first snapshot.</param>
/// <param name="ChangedTags">The cache tags whose version differs (every tag for the first snapshot).</param>
/// <param name="Documents">The content files the applied version rows name.</param>
public sealed record SnapshotChange(SiteSnapshot? Previous, SiteSnapshot Current, IReadOnlySet<string> ChangedTags, IReadOnlyList<string> Documents);

/// <summary>
/// Anything that keeps data derived from the read model (a cache, an index, a queue fed by changes). Register it with
/// <c>AddSnapshotSubscriber</c>: the <see cref="ChangeListener"/> calls it after each swap, in registration order.
/// </summary>
public interface ISnapshotSubscriber
{
    ValueTask ApplyAsync(SnapshotChange change, CancellationToken ct);
}
