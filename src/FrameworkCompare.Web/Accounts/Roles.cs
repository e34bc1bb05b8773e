namespace FrameworkCompare.Web.Accounts;

/// <summary>The workspace's roles: admins manage accounts and everything; editors edit and publish; contributors edit and submit for review.</summary>
public static class Roles
{
    public const string Admin = "admin", Editor = "editor", Contributor = "contributor";

    /// <summary>The roles that may publish: what the Publish policy requires and what views ask before offering it.</summary>
    public static readonly string[] Publishers = [Admin, Editor];

    public static bool CanPublish(this System.Security.Claims.ClaimsPrincipal user) => Publishers.Any(user.IsInRole);

    /// <summary>The roles `users add --role` accepts.</summary>
    public static readonly string[] Assignable = [Admin, Editor, Contributor];
}

/// <summary>Authorization policies, named for what they allow rather than who holds them.</summary>
public static class Policies
{
    /// <summary>Open the workspace, save drafts, preview, submit for review.</summary>
    public const string Edit = "edit";
    /// <summary>Publish, restore and delete content files; edit facts; work the review queue.</summary>
    public const string Publish = "publish";
    /// <summary>Accounts and the audit log.</summary>
    public const string Admin = "admin";
}
