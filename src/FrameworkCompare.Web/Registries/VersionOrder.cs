using System.Globalization;
using System.Text.RegularExpressions;

namespace FrameworkCompare.Web.Registries;

/// <summary>Orders release versions: plain dotted numbers (1.10.2 &gt; 1.9), and PEP 440 for Python packages.</summary>
public static partial class VersionOrder
{
    /// <summary>The numbers of a stable dotted version ("v1.2.3", "1.2.3.0"), or null for a pre-release or anything else.</summary>
    public static int[]? Stable(string version) =>
        DottedPattern().Match(version) is { Success: true } m ? [.. m.Groups[1].Value.Split('.').Select(n => int.Parse(n, CultureInfo.InvariantCulture))] : null;

    /// <summary>A sort key for a stable PEP 440 version (epoch, release, post), or null for pre-releases, dev releases and local versions.</summary>
    public static int[]? Pep440Stable(string version)
    {
        var m = Pep440Pattern().Match(version.Trim());
        if (!m.Success) return null;
        var epoch = m.Groups["epoch"].Success ? int.Parse(m.Groups["epoch"].Value, CultureInfo.InvariantCulture) : 0;
        var post = m.Groups["post"].Success ? int.Parse(m.Groups["post"].Value is "" ? "0" : m.Groups["post"].Value, CultureInfo.InvariantCulture) : -1;
        var release = m.Groups["release"].Value.Split('.').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
        // 1.0 and 1.0.0 are the same release; post sorts after the release numbers, so pad them to a fixed length.
        while (release.Count < 8) release.Add(0);
        return [epoch, .. release.Take(8), post];
    }

    public static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var c = (i < a.Length ? a[i] : 0).CompareTo(i < b.Length ? b[i] : 0);
            if (c != 0) return c;
        }
        return 0;
    }

    /// <summary>The item with the highest key, skipping those whose key is null.</summary>
    public static T? Newest<T>(IEnumerable<T> items, Func<T, int[]?> key) where T : class =>
        items.Select(i => (Item: i, Key: key(i))).Where(x => x.Key is not null)
            .Aggregate(((T? Item, int[]? Key))(null, null), (best, x) => best.Key is null || Compare(x.Key!, best.Key) > 0 ? x : best).Item;

    [GeneratedRegex(@"^v?(\d+(?:\.\d+)*)$")]
    private static partial Regex DottedPattern();

    // PEP 440 public versions without pre (a/b/rc) and dev segments; "1.0-1" is the old spelling of a post release.
    [GeneratedRegex(@"^v?(?:(?<epoch>\d+)!)?(?<release>\d+(?:\.\d+)*)(?:-(?<post>\d+)|[-_.]?(?:post|rev|r)[-_.]?(?<post>\d*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pep440Pattern();
}
