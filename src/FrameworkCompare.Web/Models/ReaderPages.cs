namespace FrameworkCompare.Web.Models;

public sealed record FactReportViewModel(Framework Framework, AttributeDefinition Attribute, ComparisonCell Cell, ReportForm Form,
    IReadOnlyDictionary<string, string> Errors, bool Sent, bool CanEdit);

public sealed record QuestionViewModel(QuestionForm Form, IReadOnlyDictionary<string, string> Errors, bool Sent);

public sealed record CorrectionLine(ReviewItem Item, string Fact, string? FactPath);
