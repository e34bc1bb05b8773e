using Microsoft.AspNetCore.Mvc.Razor;

namespace FrameworkCompare.Web.Areas.Editor;

/// <summary>
/// A preview renders a reader's view (Views/Articles/Article.cshtml) from the workspace's controller; its partials
/// (_ArticleMeta) are then looked for in that view's own folder first, as when readers get the page.
/// </summary>
public sealed class PreviewViewLocations : IViewLocationExpander
{
    const string Key = "preview-views";

    public static void Use(HttpContext http, string viewPath) => http.Items[Key] = viewPath.Split('/')[^2];

    public void PopulateValues(ViewLocationExpanderContext context) =>
        context.Values[Key] = context.ActionContext.HttpContext.Items[Key] as string;

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var folder) && folder is not null ? viewLocations.Prepend($"/Views/{folder}/{{0}}.cshtml") : viewLocations;
}
