using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FrameworkCompare.Web.Content;

/// <summary>Records again the metadata of files whose bytes did not change: one prepared update, in the current transaction if any.</summary>
static class ContentFileMetadata
{
    public static async Task WriteAsync(SiteDb db, IReadOnlyCollection<ContentFileRecord> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        if (db.Database.CurrentTransaction is { } current)
        {
            await UpdateAsync(db, current, records, ct);
            return;
        }
        // A checkout touches every file: thousands of updates are one commit, not one each.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await UpdateAsync(db, transaction, records, ct);
        await transaction.CommitAsync(ct);
    }

    static async Task UpdateAsync(SiteDb db, IDbContextTransaction transaction, IReadOnlyCollection<ContentFileRecord> records, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = """
            UPDATE "ContentFiles" SET "Size" = @size, "ModifiedNs" = @modified, "ChangedNs" = @changed, "Inode" = @inode, "ScannedAtNs" = @scanned
            WHERE "Path" = @path AND "Hash" = @hash
            """;
        var parameters = new[] { "@size", "@modified", "@changed", "@inode", "@scanned", "@path", "@hash" }.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var record in records)
        {
            object?[] values = [record.Size, record.ModifiedNs, record.ChangedNs, record.Inode, record.ScannedAtNs, record.Path, record.Hash];
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
