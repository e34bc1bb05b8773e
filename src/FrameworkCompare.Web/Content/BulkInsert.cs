using System.Data.Common;
using FrameworkCompare.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Inserts many rows of one entity type through a single prepared command inside the current transaction.
/// Values go through EF Core's own type mappings (JSON lists, enums as text, dates), so the rows read back
/// exactly as SaveChanges would have written them; it skips SaveChanges' per-row tracking, ten times the cost.
/// </summary>
static class BulkInsert
{
    public static async Task InsertAsync<T>(SiteDb db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.PropertyInfo is not null && p.GetColumnName(table) is not null).ToList();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"""
            INSERT INTO "{table.Name}" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))})
            VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})
            """;
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToList();
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
                command.Parameters.Add(mappings[i].CreateParameter(command, $"@p{i}", columns[i].PropertyInfo!.GetValue(row), columns[i].IsNullable));
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
