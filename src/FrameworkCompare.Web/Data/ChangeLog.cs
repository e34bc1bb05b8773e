using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Data;

/// <summary>Wakes the node's read model once a <see cref="ReadModelVersion"/> row is committed; the several-nodes version also tells the others.</summary>
public interface IChangeNotifier
{
    /// <summary>Returns once this node serves <paramref name="version"/> or a newer one.</summary>
    Task VersionWrittenAsync(long version, CancellationToken ct);
}

/// <summary>Writes the version rows: call inside the transaction that makes the change, then notify after the commit.</summary>
public static class ChangeLog
{
    public static ReadModelVersion Append(SiteDb db, string reason, IEnumerable<string> tags, IEnumerable<string> documents, DateTimeOffset at)
    {
        var row = new ReadModelVersion { Reason = reason, Tags = [.. tags.Distinct().Order(StringComparer.Ordinal)], Documents = [.. documents.Distinct()], CreatedAt = at };
        db.ReadModelVersions.Add(row);
        return row;
    }
}
