namespace FrameworkCompare.Web.Caching;

public sealed class PageCacheOptions
{
    public const string Section = "Site";

    /// <summary>Serve public pages from the output cache; off is for measuring what rendering costs.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>Memory the output cache may use before it drops entries.</summary>
    public int OutputCacheSizeMb { get; set; } = 48;

    /// <summary>Answer cached pages ahead of routing (<see cref="ShortPath"/>); needs the output cache, off only to measure what it saves.</summary>
    public bool ShortPath { get; set; } = true;

    /// <summary>Memory the short path's compressed pages may use; pages with a query string get a quarter of it and never push out pages without one.</summary>
    public int ShortPathSizeMb { get; set; } = 32;
}
