namespace FrameworkCompare.Web.Registries;

/// <summary>A package's newest stable release; Source is the registry's page for humans, the evidence for a proposal.</summary>
public sealed record PackageRelease(string Version, DateOnly? Released, string Source);

/// <summary>One package registry (pypi, npm, …), named as in <see cref="PackageName.Registries"/>.</summary>
public interface IPackageRegistry
{
    string Name { get; }

    /// <summary>The newest stable release, or null when the registry does not know the package; throws when the registry cannot be asked.</summary>
    Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct);
}
