using System.Security.Cryptography;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Accounts;

/// <summary>
/// Server-side sessions. The session cookie carries its row's id; every request checks in the database that the row is
/// still there and that the account's security stamp is the one the cookie was issued with, so sign-out, "Sign out
/// everywhere", a role change, a password reset, a two-factor change and removing the account end sessions at once, on
/// every node that shares the database.
/// </summary>
public sealed class SessionStore(SiteDb db, TimeProvider clock, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    /// <summary>The authentication property (kept inside the encrypted cookie) that names the session's row.</summary>
    public const string PropertyName = ".fc-session";

    /// <summary>How stale "last seen" may get before a request writes it: one write a minute, not one per request.</summary>
    static readonly TimeSpan TouchAfter = TimeSpan.FromMinutes(1);

    /// <summary>The cookie's own sliding lifetime: a session unused this long is ended on the server too.</summary>
    TimeSpan Idle => cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;

    public async Task<string> StartAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - Idle;
        await db.Sessions.Where(s => s.LastSeenAt < cutoff).ExecuteDeleteAsync(ct);
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        db.Sessions.Add(new SignInSession { Id = id, UserId = userId, CreatedAt = now, LastSeenAt = now });
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>Whether the session is current: its row exists for this account, the stamp matches and it was used recently.</summary>
    public async Task<bool> IsCurrentAsync(string sessionId, string userId, string securityStamp, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var row = await db.Sessions.Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.LastSeenAt, Stamp = db.Users.Where(u => u.Id == s.UserId).Select(u => u.SecurityStamp).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        // A stale stamp only refuses this cookie: the session's refreshed cookie (after the account's own two-factor
        // change) shares the row, so the row stays.
        if (row is null || row.Stamp != securityStamp) return false;
        if (now - row.LastSeenAt > Idle)
        {
            await EndAsync(sessionId, ct);
            return false;
        }
        if (now - row.LastSeenAt > TouchAfter)
            await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        return true;
    }

    public Task EndAsync(string sessionId, CancellationToken ct = default) =>
        db.Sessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);

    /// <summary>Ends the session this request was signed in with, if any.</summary>
    public async Task EndCurrentAsync(HttpContext http)
    {
        if (IdOf(await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)) is { } id) await EndAsync(id, http.RequestAborted);
    }

    /// <summary>Ends every session of the account; returns how many there were.</summary>
    public Task<int> EndAllAsync(string userId, CancellationToken ct = default) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    public static string? IdOf(AuthenticateResult result) =>
        result.Properties?.Items.TryGetValue(PropertyName, out var id) == true ? id : null;
}
