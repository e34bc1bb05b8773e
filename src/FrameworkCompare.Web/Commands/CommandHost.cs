using FrameworkCompare.Web.Data;

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
        return app;
    }
}
