namespace FrameworkCompare.Web.Data;

/// <summary>Database operations whose SQL depends on the provider.</summary>
public interface IDatabaseMaintenance
{
    /// <summary>Writes a consistent copy of the whole database to <paramref name="targetPath"/>, which must not exist yet.</summary>
    Task BackupAsync(string targetPath, CancellationToken ct);
}
