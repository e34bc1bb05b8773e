using System.CommandLine;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Commands;

/// <summary>`rebuild`: forgets what the importer saw and imports every content file again, as a new version of the read model.</summary>
public static class RebuildCommand
{
    public static Command Create()
    {
        var command = new Command("rebuild", "Rebuild the read model from the content folder: every file is parsed again (durable tables are kept)");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(Cli.Settings(parse), Cli.Output(parse), ct));
        return command;
    }

    static async Task<int> RunAsync(string[] settings, TextWriter output, CancellationToken ct)
    {
        await using var app = await CommandHost.OpenAsync(settings, ct);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SiteDb>().ContentFiles.ExecuteDeleteAsync(ct);
        // With no file records the import is a first import: it replaces every content row in one transaction.
        var result = await app.Services.GetRequiredService<ContentImporter>().ImportAsync(ct);
        output.WriteLine($"Rebuilt the read model: {result.Imported} files imported, {result.Failed} with errors");
        return result.Failed == 0 ? 0 : 1;
    }
}
