using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Services;

/// <summary>Readers' page addresses, generated from the routes the controllers declare by these names, never concatenated.</summary>
public static class PagePaths
{
    public const string Framework = "framework", Article = "article", FaqAnswer = "faq-answer", FactReport = "fact-report", Author = "author", ApiReference = "api-reference",
        Methodology = "methodology", Attribute = "attribute";
    public const string EmbedComparison = "embed-comparison", Badge = "badge";
    public const string FactHistory = "fact-history", Changes = "changes", FrameworkChanges = "framework-changes",
        ChangesFeed = "changes-feed", FrameworkChangesFeed = "framework-changes-feed";
    // Pages without parameters, reached with PathTo.
    public const string Home = "home", Frameworks = "frameworks", Picker = "picker", Articles = "articles", Faq = "faq",
        Search = "search", Corrections = "corrections", CorrectionsFeed = "corrections-feed", AskEditors = "ask-editors",
        SiteMap = "sitemap", ArticlesFeed = "articles-feed", Authors = "authors", Attributes = "attributes";

    public static string MethodologyPath(this LinkGenerator links) =>
        links.GetPathByName(Methodology, values: null) ?? throw new InvalidOperationException($"No route named {Methodology}.");
    public static string MethodologyPath(this IUrlHelper url) => url.Links().MethodologyPath();

    public static string FrameworkPath(this LinkGenerator links, string slug) => Path(links, Framework, slug);
    public static string ArticlePath(this LinkGenerator links, string slug) => Path(links, Article, slug);
    public static string FaqPath(this LinkGenerator links, string slug) => Path(links, FaqAnswer, slug);
    public static string AuthorPath(this LinkGenerator links, string slug) => Path(links, Author, slug);
    /// <summary>One attribute across every framework.</summary>
    public static string AttributePath(this LinkGenerator links, string key) => Path(links, Attribute, key);

    public static string ApiReferencePath(this LinkGenerator links) =>
        links.GetPathByName(ApiReference, values: null) ?? throw new InvalidOperationException($"No route named {ApiReference}.");

    public static string FrameworkPath(this IUrlHelper url, string slug) => url.Links().FrameworkPath(slug);
    public static string ArticlePath(this IUrlHelper url, string slug) => url.Links().ArticlePath(slug);
    public static string FaqPath(this IUrlHelper url, string slug) => url.Links().FaqPath(slug);
    public static string AuthorPath(this IUrlHelper url, string slug) => url.Links().AuthorPath(slug);
    public static string AttributePath(this IUrlHelper url, string key) => url.Links().AttributePath(key);

    /// <summary>The embeddable comparison, absolute: it is pasted into other sites. Rows are attribute keys, comma-separated.</summary>
    public static string EmbedUrl(this IUrlHelper url, string selection, string? rows = null) =>
        Absolute(url, EmbedComparison, new { selection, rows });

    /// <summary>A fact's SVG badge, absolute: it is pasted into other sites.</summary>
    public static string BadgeUrl(this IUrlHelper url, string framework, string attribute) =>
        Absolute(url, Badge, new { framework, attribute });

    static string Absolute(IUrlHelper url, string route, object values)
    {
        var request = url.ActionContext.HttpContext.Request;
        return url.Links().GetUriByName(route, values, SiteUrl.Scheme(request), request.Host)
            ?? throw new InvalidOperationException($"No route named {route} takes {values}.");
    }
    public static string FactHistoryPath(this LinkGenerator links, string framework, string attribute) =>
        links.GetPathByName(FactHistory, new { framework, attribute }) ?? throw new InvalidOperationException($"No history route for '{framework}/{attribute}'.");

    /// <summary>The changes page, or its feed, of one framework or (null) of all.</summary>
    public static string ChangesPath(this LinkGenerator links, string? framework, bool feed = false) =>
        (framework is null ? links.GetPathByName(feed ? ChangesFeed : Changes) : links.GetPathByName(feed ? FrameworkChangesFeed : FrameworkChanges, new { framework }))
        ?? throw new InvalidOperationException($"No changes route for '{framework}'.");

    public static string FactHistoryPath(this IUrlHelper url, string framework, string attribute) => url.Links().FactHistoryPath(framework, attribute);
    public static string ChangesPath(this IUrlHelper url, string? framework, bool feed = false) => url.Links().ChangesPath(framework, feed);

    /// <summary>A page that takes no parameters, by its route name (Home, Frameworks, Picker, Search, ...).</summary>
    public static string PathTo(this LinkGenerator links, string route) =>
        links.GetPathByName(route, values: null) ?? throw new InvalidOperationException($"No route named {route}.");
    public static string PathTo(this IUrlHelper url, string route) => url.Links().PathTo(route);

    static LinkGenerator Links(this IUrlHelper url) => url.ActionContext.HttpContext.RequestServices.GetRequiredService<LinkGenerator>();

    static string Path(LinkGenerator links, string route, string slug) =>
        links.GetPathByName(route, new { slug }) ?? throw new InvalidOperationException($"No route named {route} takes the slug '{slug}'.");
}
