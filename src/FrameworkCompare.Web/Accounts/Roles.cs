namespace FrameworkCompare.Web.Accounts;

/// <summary>The workspace's roles. Contributors (drafts and review requests, no publishing) arrive with the review queue.</summary>
public static class Roles
{
    public const string Admin = "admin", Editor = "editor", Contributor = "contributor";

    /// <summary>The roles `users add --role` accepts today.</summary>
    public static readonly string[] Assignable = [Admin, Editor];
}

/// <summary>Authorization policies, named for what they allow rather than who holds them.</summary>
public static class Policies
{
    /// <summary>Open the workspace, save drafts, preview.</summary>
    public const string Edit = "edit";
    /// <summary>Publish, restore and delete content files.</summary>
    public const string Publish = "publish";
    /// <summary>Accounts and the audit log.</summary>
    public const string Admin = "admin";
}
