using FrameworkCompare.Web;
using FrameworkCompare.Web.Commands;

StartupMarks.Mark("Main entered");
NativeMemory.ReturnLargeBlocksToTheSystem();

if (Cli.IsVerb(args))
    return await Cli.RunAsync(args);

// Settings, views and assets live beside the app, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();
builder.AddSiteServices();
StartupMarks.Mark("services added");

var app = builder.Build();
StartupMarks.Mark("host built");
app.UseStartupMarks();
app.UseSitePipeline();
StartupMarks.Mark("pipeline built");
await app.RunAsync();
return 0;

public partial class Program;
