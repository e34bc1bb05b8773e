using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Services;

/// <summary>Readers' page addresses, generated from the routes the controllers declare by these names, never concatenated.</summary>
public static class PagePaths
{
    public const string Framework = "framework", Article = "article", FaqAnswer = "faq-answer", FactReport = "fact-report", Methodology = "methodology";

    public static string MethodologyPath(this LinkGenerator links) =>
        links.GetPathByName(Methodology, values: null) ?? throw new InvalidOperationException($"No route named {Methodology}.");
    public static string MethodologyPath(this IUrlHelper url) => url.Links().MethodologyPath();

    public static string FrameworkPath(this LinkGenerator links, string slug) => Path(links, Framework, slug);
    public static string ArticlePath(this LinkGenerator links, string slug) => Path(links, Article, slug);
    public static string FaqPath(this LinkGenerator links, string slug) => Path(links, FaqAnswer, slug);

    public static string FrameworkPath(this IUrlHelper url, string slug) => url.Links().FrameworkPath(slug);
    public static string ArticlePath(this IUrlHelper url, string slug) => url.Links().ArticlePath(slug);
    public static string FaqPath(this IUrlHelper url, string slug) => url.Links().FaqPath(slug);

    static LinkGenerator Links(this IUrlHelper url) => url.ActionContext.HttpContext.RequestServices.GetRequiredService<LinkGenerator>();

    static string Path(LinkGenerator links, string route, string slug) =>
        links.GetPathByName(route, new { slug }) ?? throw new InvalidOperationException($"No route named {route} takes the slug '{slug}'.");
}
