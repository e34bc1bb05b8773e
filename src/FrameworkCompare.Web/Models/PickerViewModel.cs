namespace FrameworkCompare.Web.Models;

/// <summary>The picker, with what the reader ticked kept and, when the choice cannot be compared, what to change.</summary>
public sealed record PickerViewModel(IReadOnlyList<FrameworkSummary> Frameworks, IReadOnlySet<string> Picked, string? Problem = null);
