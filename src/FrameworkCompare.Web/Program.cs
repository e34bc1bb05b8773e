using FrameworkCompare.Web;
using FrameworkCompare.Web.Commands;

if (Cli.IsVerb(args))
    return await Cli.RunAsync(args);

// Settings, views and assets live beside the app, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();
builder.AddSiteServices();

var app = builder.Build();
app.UseSitePipeline();
await app.RunAsync();
return 0;

public partial class Program;
