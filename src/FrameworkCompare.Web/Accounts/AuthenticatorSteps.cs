using FrameworkCompare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Accounts;

/// <summary>The last authenticator time step each account used, in the database so a code is accepted once across every node.</summary>
public sealed class AuthenticatorSteps(SiteDb db)
{
    /// <summary>
    /// Records <paramref name="step"/> and says true when it is later than any step the account used before; false for a
    /// replay (the same step, or an earlier one). One statement, so two nodes given the same code cannot both accept it.
    /// </summary>
    public async Task<bool> ClaimAsync(string userId, long step, CancellationToken ct = default) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuthenticatorSteps" ("UserId", "LastStep") VALUES ({userId}, {step})
            ON CONFLICT ("UserId") DO UPDATE SET "LastStep" = excluded."LastStep" WHERE "AuthenticatorSteps"."LastStep" < excluded."LastStep"
            """, ct) == 1;
}
