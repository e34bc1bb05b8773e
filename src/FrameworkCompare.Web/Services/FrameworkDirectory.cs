using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Services;

/// <summary>The list of frameworks, and the closest matches for a slug nobody knows.</summary>
public sealed class FrameworkDirectory(SiteDb db)
{
    public Task<List<FrameworkSummary>> ListAsync(CancellationToken ct) =>
        db.Frameworks.OrderBy(f => f.Name)
            .Select(f => new FrameworkSummary(f.Slug, f.Name, f.Language, f.Kind, f.Summary))
            .ToListAsync(ct);

    public static IReadOnlyList<FrameworkSummary> Closest(string wanted, IEnumerable<FrameworkSummary> frameworks, int count = 3) =>
        frameworks
            .OrderBy(f => Math.Min(Distance(wanted, f.Slug), Distance(wanted, f.Name.ToLowerInvariant())))
            .ThenBy(f => f.Slug, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    /// <summary>Levenshtein distance: how many single-letter edits turn a into b.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
