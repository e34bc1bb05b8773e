using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Data;

/// <summary>SQLite: VACUUM INTO copies one read transaction's snapshot, so the site can keep writing meanwhile.</summary>
public sealed class SqliteMaintenance(SiteDb db) : IDatabaseMaintenance
{
    public async Task BackupAsync(string targetPath, CancellationToken ct)
    {
        var target = Path.GetFullPath(targetPath);
        if (File.Exists(target) || Directory.Exists(target))
            throw new IOException($"{targetPath} already exists; pick a new file name (a backup never overwrites)");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // The file name is bound as a parameter, never spliced into the SQL.
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}", ct);
    }
}
