using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Accounts;

/// <summary>
/// Identity's EF store changes a token (authenticator key, recovery codes) by editing the entity it found. SiteDb
/// does not track queries by default, so without this the edit was silently lost: a used recovery code stayed valid
/// and a reset authenticator key kept the old one.
/// </summary>
public sealed class TrackingUserStore(SiteDb db, IdentityErrorDescriber? describer = null) : UserStore<EditorUser, IdentityRole, SiteDb>(db, describer)
{
    protected override Task<IdentityUserToken<string>?> FindTokenAsync(EditorUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        Context.UserTokens.AsTracking().SingleOrDefaultAsync(t => t.UserId == user.Id && t.LoginProvider == loginProvider && t.Name == name, cancellationToken);
}
