using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;

namespace FrameworkCompare.Web.Api;

/// <summary>Turns the services' view models into the API's records; page addresses come from the named routes.</summary>
public static class ApiMapping
{
    public static string Absolute(HttpContext http, string path) => StructuredData.Absolute(http.Request, path);

    static LinkGenerator Links(HttpContext http) => http.RequestServices.GetRequiredService<LinkGenerator>();

    public static FrameworkSummaryDto Summary(HttpContext http, FrameworkSummary f) =>
        new(f.Slug, f.Name, f.Language, f.Kind, f.Summary, Absolute(http, Links(http).FrameworkPath(f.Slug)));

    public static FrameworkSummaryDto Summary(HttpContext http, Framework f) =>
        Summary(http, new FrameworkSummary(f.Slug, f.Name, f.Language, f.Kind, f.Summary));

    public static FrameworkDto Framework(HttpContext http, Framework f) => new(
        f.Slug, f.Name, f.Language, f.Kind, f.Summary, f.Website, f.Repository, f.License, f.FirstRelease, f.Package, f.ChooseWhen,
        [.. f.Points.Where(p => p.IsPro).OrderBy(p => p.Order).Select(p => new PointDto(p.Text, p.SourceUrl))],
        [.. f.Points.Where(p => !p.IsPro).OrderBy(p => p.Order).Select(p => new PointDto(p.Text, p.SourceUrl))],
        Absolute(http, Links(http).FrameworkPath(f.Slug)));

    public static FactDto Fact(AttributeDefinition attribute, ComparisonCell cell)
    {
        var v = cell.Value;
        var list = attribute.Type == AttributeType.List;
        return new FactDto(
            attribute.Key,
            v is null ? "not-recorded" : v.IsUnknown ? "unknown" : "known",
            list ? null : v?.Value,
            list && v?.Value is { } items ? items.Split('\n') : null,
            v?.UnknownReason, v?.Note, v?.SourceUrl, v?.Checked, cell.IsStale);
    }

    public static IEnumerable<ComparisonRow> Rows(IEnumerable<ComparisonSection> sections) => sections.SelectMany(s => s.Rows);

    public static AttributeDto Attribute(AttributeDefinition a, int defaultStaleMonths) =>
        new(a.Key, a.Label, a.CategoryKey, a.Type.ToString().ToLowerInvariant(), a.Unit, a.Description, a.StaleAfterMonths ?? defaultStaleMonths);

    public static ComparisonDto Comparison(HttpContext http, ComparisonViewModel model) => new(
        [.. model.Frameworks.Select(f => Summary(http, f))],
        [.. Rows(model.Sections).Concat(model.UseCases?.Rows ?? []).Select(row => new ComparisonRowDto(
            row.Attribute.Key, row.Attribute.Label, row.Attribute.CategoryKey, row.AllAgree,
            [.. row.Cells.Select(c => Fact(row.Attribute, c))]))],
        Absolute(http, model.CanonicalPath),
        [.. (model.KeyDifferences ?? []).Select(d => new KeyDifferenceDto(d.Attribute.Key, d.Attribute.Label, [.. d.Values.Select(v => new KeyValueDto(v.Framework.Slug, v.Text))]))],
        model.Freshness is { } f ? new FreshnessDto(f.Facts, f.CheckedLastYear, f.PossiblyStale, f.Unknown) : new FreshnessDto(0, 0, 0, 0));

    public static FaqSummaryDto FaqSummary(HttpContext http, FaqEntry q) =>
        new(q.Slug, q.Question, q.Topic, q.Frameworks, Absolute(http, Links(http).FaqPath(q.Slug)));

    public static FaqEntryDto FaqEntry(HttpContext http, FaqEntry q) =>
        new(q.Slug, q.Question, q.Topic, q.Frameworks, q.AnswerHtml, q.AnswerText, Absolute(http, Links(http).FaqPath(q.Slug)));

    public static ArticleDto Article(HttpContext http, ArticleListItem item)
    {
        var (a, byline) = item;
        return new(a.Slug, a.Title, a.Summary, byline.Name, byline.Path is { } path ? Absolute(http, path) : null,
            a.Published, a.Updated, a.Frameworks, a.Tags, a.ReadingMinutes, Absolute(http, Links(http).ArticlePath(a.Slug)));
    }
}
