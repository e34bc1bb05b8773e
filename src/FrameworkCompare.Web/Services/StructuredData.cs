using System.Text.Json;
using System.Text.Json.Serialization;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Services;

/// <summary>schema.org JSON-LD built as objects and serialized, never concatenated as text.</summary>
public static class StructuredData
{
    // The default encoder escapes <, > and &, so "</script>" in a title cannot end the script block.
    static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Absolute(HttpRequest request, string path) => $"{SiteUrl.Scheme(request)}://{request.Host}{path}";

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

    public static object Article(Article article, Byline byline, HttpRequest request) => new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "Article",
        ["headline"] = article.Title,
        ["description"] = article.Summary,
        // An author without a page is taken for an organisation, as every byline was before authors had files.
        ["author"] = byline.Path is null
            ? new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = byline.Name }
            : new Dictionary<string, object> { ["@type"] = TypeOf(byline.Kind), ["name"] = byline.Name, ["url"] = Absolute(request, byline.Path) },
        ["datePublished"] = article.Published.ToString("yyyy-MM-dd"),
        ["dateModified"] = (article.Updated ?? article.Published).ToString("yyyy-MM-dd"),
        ["keywords"] = article.Tags.Count > 0 ? string.Join(", ", article.Tags) : null,
        ["mainEntityOfPage"] = Absolute(request, Links(request).ArticlePath(article.Slug)),
    };

    /// <summary>The author's page: a person or a team, with their own pages elsewhere as sameAs.</summary>
    public static object Author(Author author, HttpRequest request) => new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = TypeOf(author.Kind),
        ["name"] = author.Name,
        ["description"] = author.Bio,
        ["url"] = Absolute(request, Links(request).AuthorPath(author.Slug)),
        ["sameAs"] = author.Links.Count > 0 ? author.Links.Select(l => l.Url).ToList() : null,
    };

    static string TypeOf(AuthorKind? kind) => kind == AuthorKind.Team ? "Organization" : "Person";

    static LinkGenerator Links(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<LinkGenerator>();
}
