namespace FrameworkCompare.Web.Checks;

public sealed class SourceCheckOptions
{
    public const string Section = "SourceChecks";

    /// <summary>Requests one host may have in flight at once.</summary>
    public int PerHostConcurrency { get; set; } = 2;

    /// <summary>The least time between two requests to one host, so no site sees a burst.</summary>
    public int PerHostDelayMs { get; set; } = 500;

    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>The public site's address, named in the User-Agent so site owners know who is asking.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Replaces the whole User-Agent when set.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Hours between background checks; 0 turns them off.</summary>
    public double ScheduleHours { get; set; }

    public string EffectiveUserAgent => !string.IsNullOrWhiteSpace(UserAgent) ? UserAgent
        : string.IsNullOrWhiteSpace(SiteUrl) ? "FrameworkCompare source checker" : $"FrameworkCompare source checker (+{SiteUrl})";
}
