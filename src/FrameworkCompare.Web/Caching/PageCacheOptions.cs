namespace FrameworkCompare.Web.Caching;

public sealed class PageCacheOptions
{
    public const string Section = "Site";

    /// <summary>Serve public pages from the output cache; off is for measuring what rendering costs.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>Memory the output cache may use before it drops entries.</summary>
    public int OutputCacheSizeMb { get; set; } = 48;
}
