using FrameworkCompare.Web.Areas.Editor.Services;

namespace FrameworkCompare.Web.Areas.Editor;

public static class EditorArea
{
    /// <summary>The workspace's page builders; the write services themselves are added by AddEditing.</summary>
    public static void AddEditorArea(this IServiceCollection services)
    {
        services.AddScoped<WorkspacePages>();
        services.AddScoped<NewFiles>();
        services.AddScoped<StaleQueue>();
        services.AddScoped<ReviewPages>();
        services.Configure<Microsoft.AspNetCore.Mvc.Razor.RazorViewEngineOptions>(o => o.ViewLocationExpanders.Add(new PreviewViewLocations()));
    }
}
