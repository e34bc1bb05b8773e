using System.ComponentModel;

namespace FrameworkCompare.Web.Api;

// The public read API's JSON: records serialized camelCase. Fields are only ever added, never renamed or removed, within v1.

[Description("The terms the data is shared under; every response carries it (and a Link header with rel=\"license\").")]
public sealed record ApiLicense(
    [property: Description("The licence's name.")] string Name,
    [property: Description("The licence's text.")] string Url,
    [property: Description("How to credit the data wherever it is shown or republished.")] string Attribution,
    [property: Description("This API's reference page, with the terms in full.")] string Terms);

public sealed record FrameworkSummaryDto(
    string Slug, string Name, string Language, string Kind, string Summary,
    [property: Description("The framework's profile page.")] string Url);

public sealed record FrameworkDto(
    string Slug, string Name, string Language, string Kind, string Summary,
    string Website, string Repository, string License, int FirstRelease,
    [property: Description("Where a package registry knows the framework, as REGISTRY:NAME (pypi:Django).")] string? Package,
    IReadOnlyList<string> ChooseWhen, IReadOnlyList<PointDto> Pros, IReadOnlyList<PointDto> Cons,
    [property: Description("The framework's profile page.")] string Url);

public sealed record PointDto(string Text, string? Source);

[Description("One framework's value for one catalog attribute, with where it came from and when it was checked.")]
public sealed record FactDto(
    [property: Description("The attribute's key in the catalog (/api/v1/attributes).")] string Attribute,
    [property: Description("known, unknown (nobody could establish it: see unknownReason) or not-recorded.")] string Status,
    [property: Description("The value as invariant text (yes/no, numbers, years, dates as YYYY-MM-DD); null for list attributes, unknown and not-recorded facts.")] string? Value,
    [property: Description("The items of a list attribute; null for other types.")] IReadOnlyList<string>? Items,
    string? UnknownReason,
    string? Note,
    [property: Description("Where the value was read.")] string? Source,
    [property: Description("The day the value was last checked against its source.")] DateOnly? Checked,
    [property: Description("Checked longer ago than the attribute's stale age: possibly out of date.")] bool Stale);

public sealed record CategoryDto(string Key, string Label);

public sealed record AttributeDto(
    string Key, string Label, string Category,
    [property: Description("yesno, text, number, year, list, url or date.")] string Type,
    string? Unit, string Description,
    [property: Description("Months after which a fact counts as possibly stale; 0 for a fact that never changes (never stale).")] int StaleAfterMonths);

public sealed record CatalogDto(IReadOnlyList<CategoryDto> Categories, IReadOnlyList<AttributeDto> Attributes);

public sealed record ComparisonRowDto(string Attribute, string Label, string Category,
    [property: Description("Every framework has the same known value.")] bool AllAgree,
    [property: Description("One fact per framework, in the order of 'frameworks'.")] IReadOnlyList<FactDto> Values);

public sealed record ComparisonDto(
    [property: Description("The frameworks compared, in canonical (alphabetical slug) order.")] IReadOnlyList<FrameworkSummaryDto> Frameworks,
    IReadOnlyList<ComparisonRowDto> Rows,
    [property: Description("The comparison page.")] string Url,
    [property: Description("The scored facts where the frameworks differ, as the page opens with them: at most 8, the widest gap first.")] IReadOnlyList<KeyDifferenceDto> KeyDifferences,
    [property: Description("How many facts the comparison shows, how many were checked in the last 12 months, how many are possibly out of date or unknown.")] FreshnessDto Freshness);

public sealed record KeyDifferenceDto(string Attribute, string Label,
    [property: Description("Per framework, in the comparison's order: its value in words.")] IReadOnlyList<KeyValueDto> Values);

public sealed record KeyValueDto(string Framework, string Text);

public sealed record FreshnessDto(int Facts, int CheckedLastYear, int PossiblyStale, int Unknown);

public sealed record FaqSummaryDto(string Slug, string Question, string Topic, IReadOnlyList<string> Frameworks, string Url);

public sealed record FaqEntryDto(string Slug, string Question, string Topic, IReadOnlyList<string> Frameworks,
    [property: Description("The answer as sanitized HTML.")] string AnswerHtml,
    [property: Description("The answer as plain text.")] string AnswerText,
    string Url);

public sealed record ArticleDto(string Slug, string Title, string Summary,
    [property: Description("The byline's name.")] string Author,
    [property: Description("The author's page, when the author has one.")] string? AuthorUrl,
    DateOnly Published, DateOnly? Updated, IReadOnlyList<string> Frameworks, IReadOnlyList<string> Tags, int ReadingMinutes, string Url);

// Each response: its data under a name of its own, and the licence.
public sealed record FrameworkListResponse(IReadOnlyList<FrameworkSummaryDto> Frameworks, ApiLicense License);
public sealed record FrameworkResponse(FrameworkDto Framework, ApiLicense License);
public sealed record FactsResponse(FrameworkSummaryDto Framework, IReadOnlyList<FactDto> Facts, ApiLicense License);
public sealed record CatalogResponse(CatalogDto Catalog, ApiLicense License);
public sealed record ComparisonResponse(ComparisonDto Comparison, ApiLicense License);
public sealed record FaqListResponse(IReadOnlyList<FaqSummaryDto> Entries, ApiLicense License);
public sealed record FaqResponse(FaqEntryDto Entry, ApiLicense License);
public sealed record ArticleListResponse(IReadOnlyList<ArticleDto> Articles, ApiLicense License);
