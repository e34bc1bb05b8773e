using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Data;

/// <summary>Appends to the durable audit log: who did what, when and from where.</summary>
public sealed class AuditLog(SiteDb db, TimeProvider clock, ILogger<AuditLog> log)
{
    public const string CommandLine = "command line";

    public async Task RecordAsync(string action, string? actor, string? target = null, string? detail = null, string? clientAddress = null, CancellationToken ct = default)
    {
        log.LogInformation("Audit: {Action} by {Actor} on {Target} from {Client}: {Detail}", action, actor, target, clientAddress, detail);
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Action = action, Actor = actor, Target = target, Detail = Shorten(detail), ClientAddress = clientAddress,
        });
        await db.SaveChangesAsync(ct);
    }

    public Task RecordAsync(HttpContext http, string action, string? target = null, string? detail = null, CancellationToken ct = default) =>
        RecordAsync(action, http.User.Identity?.Name, target, detail, http.Connection.RemoteIpAddress?.ToString(), ct);

    static string? Shorten(string? text) => text is { Length: > 500 } ? text[..500] + "…" : text;
}
