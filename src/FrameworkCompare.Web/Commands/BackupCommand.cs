using System.CommandLine;
using FrameworkCompare.Web.Data;

namespace FrameworkCompare.Web.Commands;

/// <summary>`backup &lt;file&gt;`: a consistent copy of the database, safe to take while the site runs.</summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The backup file to write; it must not exist yet" };
        var command = new Command("backup", "Copy the database (accounts, drafts, revisions, audit log) to a new file while the site runs") { file };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(file)!, Cli.Settings(parse), Cli.Output(parse), ct));
        return command;
    }

    static async Task<int> RunAsync(string file, string[] settings, TextWriter output, CancellationToken ct)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target) || Directory.Exists(target))
        {
            output.WriteLine($"{file}: already exists; a backup never overwrites, pick a new name");
            return 1;
        }
        try
        {
            await using var app = await CommandHost.OpenAsync(settings, ct);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IDatabaseMaintenance>().BackupAsync(target, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            output.WriteLine($"backup failed: {e.Message}");
            return 1;
        }
        output.WriteLine($"Wrote {target} ({new FileInfo(target).Length:N0} bytes)");
        return 0;
    }
}
