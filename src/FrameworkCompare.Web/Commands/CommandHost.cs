using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Editing;

namespace FrameworkCompare.Web.Commands;

/// <summary>The site's services without its web server, for verbs that work on the database (users, backup).</summary>
public static class CommandHost
{
    public static async Task<WebApplication> OpenAsync(string[] settings, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = settings, ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(CommandHost).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        builder.AddSiteServices();
        var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<SiteDb>(), ct);
        // So that a backup taken right after the upgrade holds the images the previous version kept beside the database.
        await scope.ServiceProvider.GetRequiredService<OldPendingMediaFolder>().ImportAsync(ct);
        return app;
    }
}
