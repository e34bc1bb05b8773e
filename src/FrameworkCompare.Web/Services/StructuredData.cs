using System.Text.Json;
using System.Text.Json.Serialization;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Services;

/// <summary>schema.org JSON-LD built as objects and serialized, never concatenated as text.</summary>
public static class StructuredData
{
    // The default encoder escapes <, > and &, so "</script>" in a title cannot end the script block.
    static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{path}";

    public static string Serialize(object data) => JsonSerializer.Serialize(data, Options);

    public static object Breadcrumbs(IReadOnlyList<Crumb> crumbs, HttpRequest request) => new Dictionary<string, object>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = crumbs.Select((c, i) => new Dictionary<string, object>
        {
            ["@type"] = "ListItem", ["position"] = i + 1, ["name"] = c.Name, ["item"] = Absolute(request, c.Path),
        }).ToList(),
    };

    public static object FaqPage(IEnumerable<FaqEntry> entries, HttpRequest request) => new Dictionary<string, object>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "FAQPage",
        ["mainEntity"] = entries.Select(q => new Dictionary<string, object>
        {
            ["@type"] = "Question",
            ["name"] = q.Question,
            ["url"] = Absolute(request, Links(request).FaqPath(q.Slug)),
            // Plain text: the answer's HTML, escaped for JSON, made pages with many questions far heavier.
            ["acceptedAnswer"] = new Dictionary<string, object> { ["@type"] = "Answer", ["text"] = q.AnswerText },
        }).ToList(),
    };

    public static object Article(Article article, HttpRequest request) => new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "Article",
        ["headline"] = article.Title,
        ["description"] = article.Summary,
        ["author"] = new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = article.Author },
        ["datePublished"] = article.Published.ToString("yyyy-MM-dd"),
        ["dateModified"] = (article.Updated ?? article.Published).ToString("yyyy-MM-dd"),
        ["keywords"] = article.Tags.Count > 0 ? string.Join(", ", article.Tags) : null,
        ["mainEntityOfPage"] = Absolute(request, Links(request).ArticlePath(article.Slug)),
    };

    static LinkGenerator Links(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<LinkGenerator>();
}
