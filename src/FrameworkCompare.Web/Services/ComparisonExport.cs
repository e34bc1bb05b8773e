using System.Text;
using System.Text.Json;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Services;

/// <summary>The comparison (or the attribute across every framework) on screen, with its sources, as CSV or JSON.</summary>
public static class ComparisonExport
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    static IEnumerable<ComparisonRow> Rows(ComparisonViewModel model) =>
        model.Sections.SelectMany(s => s.Rows).Concat(model.UseCases?.Rows ?? []);

    public static byte[] ToCsv(ComparisonViewModel model) => Csv(Rows(model));

    public static byte[] ToCsv(AttributePageViewModel page) => Csv([new ComparisonRow(page.Attribute, page.Cells)]);

    static byte[] Csv(IEnumerable<ComparisonRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine("attribute,label,framework,status,value,note,source,checked,possibly_stale");
        foreach (var row in rows)
            foreach (var cell in row.Cells)
            {
                var v = cell.Value;
                csv.AppendJoin(',', new[]
                {
                    row.Attribute.Key, row.Attribute.Label, cell.Framework.Slug, Status(v),
                    v?.Value?.Replace('\n', ';'), v?.Note ?? v?.UnknownReason, v?.SourceUrl,
                    v?.Checked?.ToString("yyyy-MM-dd"), cell.IsStale ? "yes" : "no",
                }.Select(Field)).AppendLine();
            }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static byte[] ToJson(ComparisonViewModel model) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        comparison = model.CanonicalPath,
        onlyDifferences = model.OnlyDifferences,
        frameworks = model.Frameworks.Select(f => new { f.Slug, f.Name, f.Language, f.Website }),
        rows = Rows(model).Select(Row),
    }, Json);

    public static byte[] ToJson(AttributePageViewModel page) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        category = page.Category.Key,
        frameworks = page.Cells.Select(c => new { c.Framework.Slug, c.Framework.Name, c.Framework.Language, c.Framework.Website }),
        row = Row(new ComparisonRow(page.Attribute, page.Cells)),
    }, Json);

    static object Row(ComparisonRow row) => new
    {
        attribute = row.Attribute.Key,
        label = row.Attribute.Label,
        type = row.Attribute.Type.ToString().ToLowerInvariant(),
        unit = row.Attribute.Unit,
        values = row.Cells.Select(c => new
        {
            framework = c.Framework.Slug,
            status = Status(c.Value),
            value = c.Value?.Value is { } text && row.Attribute.Type == AttributeType.List ? (object)text.Split('\n') : c.Value?.Value,
            note = c.Value?.Note,
            unknownReason = c.Value?.UnknownReason,
            source = c.Value?.SourceUrl,
            @checked = c.Value?.Checked,
            possiblyStale = c.IsStale,
        }),
    };

    static string Status(FactValue? value) => value is null ? "not-recorded" : value.IsUnknown ? "unknown" : "known";

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula.</summary>
    static string Field(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
