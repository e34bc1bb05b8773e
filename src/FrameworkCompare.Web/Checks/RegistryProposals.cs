using System.Globalization;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Registries;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Checks;

/// <summary>
/// Asks each packaged profile's registry for its newest stable release and, where the profile says otherwise, files a
/// proposal in the review queue for an editor to accept or decline. Never edits content.
/// </summary>
public sealed class RegistryProposals(IEnumerable<IPackageRegistry> registries, SiteDb db, TimeProvider clock)
{
    /// <summary>Reports one line per finding; returns how many packages could not be checked.</summary>
    public async Task<int> RunAsync(string contentRoot, Action<string> report, CancellationToken ct)
    {
        var (profiles, catalogKeys) = PackagedProfiles.Read(contentRoot);
        var errors = 0;
        foreach (var profile in profiles)
        {
            var registry = registries.FirstOrDefault(r => r.Name == profile.Package.Registry);
            PackageRelease? release;
            try
            {
                release = registry is null ? null : await registry.LatestStableAsync(profile.Package.Name, ct);
            }
            // Whatever one registry answers (refused, malformed, too large, too slow) is that package's finding, never the run's end.
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                report($"{profile.File}: {profile.Package}: the registry could not be asked: {e.Message}");
                errors++;
                continue;
            }
            if (release is null)
            {
                report($"{profile.File}: {profile.Package}: the registry has no stable release of this package");
                errors++;
                continue;
            }
            var changes = new List<(string Key, string? Current, string Proposed)>();
            if (catalogKeys.Contains(PackagedProfiles.VersionKey) && !SameVersion(profile.Version, release.Version))
                changes.Add((PackagedProfiles.VersionKey, profile.Version, release.Version));
            var date = release.Released?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (date is not null && catalogKeys.Contains(PackagedProfiles.ReleaseDateKey) && profile.ReleaseDate != date)
                changes.Add((PackagedProfiles.ReleaseDateKey, profile.ReleaseDate, date));
            if (changes.Count == 0) report($"{profile.Slug}: up to date ({profile.Package} {release.Version})");
            foreach (var (key, current, proposed) in changes)
                report(await ProposeAsync(profile, release, key, current, proposed, ct));
        }
        return errors;
    }

    async Task<string> ProposeAsync(PackagedProfile profile, PackageRelease release, string key, string? current, string proposed, CancellationToken ct)
    {
        var summary = $"{profile.Slug} {key}: {current ?? "(none)"} → {proposed}";
        var origin = $"registry {profile.Package.Registry}";
        if (await db.ReviewItems.AnyAsync(r => r.Kind == ReviewKind.Proposal && r.State == ReviewState.Open && r.FrameworkSlug == profile.Slug
                && r.AttributeKey == key && r.ProposedValue == proposed, ct))
            return $"already proposed: {summary}";
        var now = clock.GetUtcNow();
        db.ReviewItems.Add(new ReviewItem
        {
            Kind = ReviewKind.Proposal, State = ReviewState.Open, CreatedAt = now, Origin = origin,
            FrameworkSlug = profile.Slug, AttributeKey = key, CurrentValue = current, ProposedValue = proposed,
            EvidenceUrl = release.Source, ProposedChecked = DateOnly.FromDateTime(now.UtcDateTime),
            Message = $"{profile.Package.Registry} lists {release.Version} as the newest stable release of {profile.Package.Name}"
                + (release.Released is { } d ? $", released {d:yyyy-MM-dd}" : "") + $"; the profile says {current ?? "nothing"}.",
        });
        await db.SaveChangesAsync(ct);
        return $"proposed: {summary} ({release.Source})";
    }

    /// <summary>Go tags carry a leading v that profiles usually leave out.</summary>
    static bool SameVersion(string? profile, string registry) =>
        profile is not null && string.Equals(profile.TrimStart('v'), registry.TrimStart('v'), StringComparison.OrdinalIgnoreCase);
}
