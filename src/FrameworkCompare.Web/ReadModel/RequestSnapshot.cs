namespace FrameworkCompare.Web.ReadModel;

/// <summary>The snapshot one request reads, taken the first time anything in the request asks for it.</summary>
public sealed class RequestSnapshot(CurrentSnapshot current, IHttpContextAccessor http)
{
    /// <summary>Names the version a page was built from (the output cache keeps it with the page), so a stalled node or a mixed page shows.</summary>
    public const string VersionHeader = "X-Content-Version";

    SiteSnapshot? taken;

    public SiteSnapshot Value => taken ?? Take();

    SiteSnapshot Take()
    {
        taken = current.Value;
        if (http.HttpContext?.Response is { HasStarted: false } response) response.Headers[VersionHeader] = taken.Version.ToString();
        return taken;
    }
}
