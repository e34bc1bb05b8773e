namespace FrameworkCompare.Web.Models;

// Durable records of signing in: never touched when the content read model is rebuilt.

/// <summary>
/// One signed-in session. The session cookie names its row and is refused once the row is gone: signing out deletes it,
/// "Sign out everywhere" deletes all of the account's, and removing the account deletes them with it.
/// </summary>
public sealed class SignInSession
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

/// <summary>The latest authenticator time step an account has used: a code is accepted only for a later step, so only once.</summary>
public sealed class AuthenticatorStep
{
    public required string UserId { get; set; }
    public long LastStep { get; set; }
}
