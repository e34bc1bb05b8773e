using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// When a restart may trust a file's recorded hash without reading it: its size, modification and change times
/// (nanoseconds) and inode are as recorded, and it was not modified within <see cref="RacyWindowNs"/> of the scan
/// that recorded them. That last part is git's racy-clean rule: a file rewritten in the same timestamp tick as the
/// scan read it (or on a file system with coarse times) keeps its size and times, so only its bytes can tell.
/// </summary>
public static class UnchangedFiles
{
    public const long RacyWindowNs = 2_000_000_000;

    public static bool Trusts(ContentFileRecord record, ContentFileInfo now) =>
        record.ScannedAtNs is { } scannedAt
        && record.Size == now.Length && record.ModifiedNs == now.ModifiedNs && record.ChangedNs == now.ChangedNs && record.Inode == now.Inode
        && now.ModifiedNs < scannedAt - RacyWindowNs;

    /// <summary>
    /// Now, in nanoseconds since 1970, by the real clock: it is compared with the file system's times, so never the
    /// site's TimeProvider (tests fix that on a day in the past).
    /// </summary>
    public static long NowNs() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
}
