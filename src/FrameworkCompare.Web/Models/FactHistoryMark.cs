namespace FrameworkCompare.Web.Models;

/// <summary>
/// The commit whose history the fact changes were last derived from (one row): a restart reads only the commits after
/// it. Empty when content/ was in no git work tree.
/// </summary>
public sealed class FactHistoryMark
{
    public const int OnlyId = 1;

    public int Id { get; set; } = OnlyId;
    public required string Commit { get; set; }
}
