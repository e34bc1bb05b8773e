namespace FrameworkCompare.Web.Models;

/// <summary>
/// The bytes of a contributor's image while its review item (kind Upload) is open. Kept in the database, the durable
/// store the backup copies and every node shares; the row goes when the item closes.
/// </summary>
public sealed class PendingUpload
{
    /// <summary>The review item this image belongs to; also the key.</summary>
    public int ReviewItemId { get; set; }
    /// <summary>The name it will have under content/media/ (a hash of its bytes in it).</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    /// <summary>The length of <see cref="Bytes"/>: quotas sum it without loading the images.</summary>
    public long Size { get; set; }
    public required byte[] Bytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
