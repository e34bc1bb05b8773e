using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Areas.Editor.Models;

public sealed record ReviewListViewModel(List<ReviewItem> Open, IReadOnlyDictionary<string, string> FactNames);

public sealed record ReviewItemViewModel
{
    public required ReviewItem Item { get; init; }
    public string? FactName { get; init; }
    public FactValue? CurrentFact { get; init; }
    public DiffView? Changes { get; init; }
    public List<string> FaqPaths { get; init; } = [];
    public string? Notice { get; init; }
}
