namespace FrameworkCompare.Web.Models;

/// <summary>
/// One change to what reader pages show (an import, a history derivation that changed marks): the change log
/// every node's <see cref="ReadModel.ChangeListener"/> applies. Cache keys carry, per tag, the newest row that changed it.
/// </summary>
public sealed class ReadModelVersion
{
    public long Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>What made it: <see cref="Reasons"/>.</summary>
    public required string Reason { get; set; }
    /// <summary>The cache tags whose content changed (Caching/PageCache's content kinds).</summary>
    public List<string> Tags { get; set; } = [];
    /// <summary>The content files it changed, relative to the content folder.</summary>
    public List<string> Documents { get; set; } = [];

    public static class Reasons
    {
        public const string Import = "import", History = "history", Rebuild = "rebuild";
    }
}

/// <summary>The bytes of the scoring.yml the site serves: its last good version, so every node scores verdicts alike.</summary>
public sealed class ServedScoring
{
    public const int OnlyRow = 1;
    public int Id { get; set; } = OnlyRow;
    public required byte[] Bytes { get; set; }
}
