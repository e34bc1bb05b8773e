namespace FrameworkCompare.Web.ReadModel;

/// <summary>The snapshot this node serves. Read <see cref="Value"/> once per page, so the whole page is one version.</summary>
public sealed class CurrentSnapshot
{
    readonly TaskCompletionSource<SiteSnapshot> first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    SiteSnapshot? value;

    /// <exception cref="SnapshotNotReadyException">No snapshot was loaded yet (the first start on an empty database).</exception>
    public SiteSnapshot Value => Volatile.Read(ref value) ?? throw new SnapshotNotReadyException();

    public SiteSnapshot? OrNull => Volatile.Read(ref value);

    public Task<SiteSnapshot> FirstAsync(CancellationToken ct) => first.Task.WaitAsync(ct);

    /// <summary>Only the <see cref="ChangeListener"/> swaps.</summary>
    internal void Swap(SiteSnapshot snapshot)
    {
        Volatile.Write(ref value, snapshot);
        first.TrySetResult(snapshot);
    }
}

/// <summary>A page was asked for before the first snapshot was loaded: answered 503 with Retry-After.</summary>
public sealed class SnapshotNotReadyException() : Exception("The site is still loading its content.");
