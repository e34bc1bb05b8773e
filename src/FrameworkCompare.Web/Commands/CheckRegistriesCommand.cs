using System.CommandLine;
using FrameworkCompare.Web.Checks;

namespace FrameworkCompare.Web.Commands;

/// <summary>`check-registries [folder]`: files a review proposal wherever a profile's version or release date differs from its registry's.</summary>
public static class CheckRegistriesCommand
{
    public static Command Create() => Cli.ContentFolderVerb("check-registries",
        "Compare each profile's latest version with its package registry and propose changes for review", async (root, parse, ct) =>
        {
            await using var app = await CommandHost.OpenAsync(Cli.Settings(parse), ct);
            await using var scope = app.Services.CreateAsyncScope();
            var errors = await scope.ServiceProvider.GetRequiredService<RegistryProposals>().RunAsync(root, Cli.Output(parse).WriteLine, ct);
            return errors == 0 ? 0 : 1;
        });
}
