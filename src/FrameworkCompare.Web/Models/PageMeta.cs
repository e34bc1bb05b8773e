using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace FrameworkCompare.Web.Models;

public sealed record Crumb(string Name, string Path);

/// <summary>What the layout needs to describe a page to readers, search engines and link previews.</summary>
public sealed class PageMeta
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    /// <summary>Canonical path, without query string.</summary>
    public string? Path { get; init; }
    public string OpenGraphType { get; init; } = "website";
    public IReadOnlyList<Crumb> Breadcrumbs { get; init; } = [];
    /// <summary>Extra JSON-LD objects (Article, FAQPage…); BreadcrumbList is added from Breadcrumbs.</summary>
    public IReadOnlyList<object> StructuredData { get; init; } = [];
    public bool NoIndex { get; init; }
}

public static class PageMetaExtensions
{
    const string Key = nameof(PageMeta);

    public static void SetPage(this ViewDataDictionary viewData, PageMeta meta) => viewData[Key] = meta;

    public static PageMeta? Page(this ViewDataDictionary viewData) => viewData[Key] as PageMeta;
}
