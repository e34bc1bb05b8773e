namespace FrameworkCompare.Web.Search;

/// <summary>The search snapshot of the read model in use; waits for the first one.</summary>
public interface ISearchSnapshots
{
    Task<SearchSnapshot?> CurrentAsync(CancellationToken ct);
}
