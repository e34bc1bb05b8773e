namespace FrameworkCompare.Web.Editing;

/// <summary>Limits for uploaded images (configuration section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The largest upload accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The most pixels (width × height) an image may have; checked before its pixels are decoded.</summary>
    public long MaxPixels { get; set; } = 25_000_000;

    /// <summary>The longest side an image may have, in pixels.</summary>
    public int MaxSide { get; set; } = 8000;

    /// <summary>How many megabytes of a contributor's images may wait for review at once; editors' uploads publish directly.</summary>
    public double ContributorQuotaMb { get; set; } = 20;

    /// <summary>How many of a contributor's images may wait for review at once.</summary>
    public int ContributorQuotaFiles { get; set; } = 20;
}
