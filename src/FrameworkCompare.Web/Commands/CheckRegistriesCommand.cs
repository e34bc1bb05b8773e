using System.CommandLine;
using FrameworkCompare.Web.Checks;

namespace FrameworkCompare.Web.Commands;

/// <summary>`check-registries [folder]`: files a review proposal wherever a profile's version or release date differs from its registry's.</summary>
public static class CheckRegistriesCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The content folder", DefaultValueFactory = _ => "content" };
        var command = new Command("check-registries", "Compare each profile's latest version with its package registry and propose changes for review") { folder };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(folder)!, Cli.Settings(parse), Cli.Output(parse), ct));
        return command;
    }

    static async Task<int> RunAsync(string folder, string[] settings, TextWriter output, CancellationToken ct)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            output.WriteLine($"{folder}: no such content folder");
            return 2;
        }
        await using var app = await CommandHost.OpenAsync(settings, ct);
        await using var scope = app.Services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<RegistryProposals>().RunAsync(root, output.WriteLine, ct);
        return errors == 0 ? 0 : 1;
    }
}
