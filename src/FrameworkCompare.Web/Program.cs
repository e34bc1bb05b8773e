using FrameworkCompare.Web;
using FrameworkCompare.Web.Content;

if (args is ["validate", .. var rest])
    return ContentCommands.Validate(rest.FirstOrDefault() ?? "content", Console.Out);
if (args is ["export", .. var exportArgs])
    return await ExportCommand.RunAsync(exportArgs, Console.Out);

// Settings, views and assets live beside the app, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();
builder.AddSiteServices();

var app = builder.Build();
app.UseSitePipeline();
await app.RunAsync();
return 0;

public partial class Program;
