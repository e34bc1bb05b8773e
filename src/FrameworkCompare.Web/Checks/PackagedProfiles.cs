using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Registries;
using YamlDotNet.RepresentationModel;

namespace FrameworkCompare.Web.Checks;

/// <summary>A profile that names its registry package, with the values a registry can confirm.</summary>
public sealed record PackagedProfile(string File, string Slug, PackageName Package, string? Version, string? ReleaseDate);

public static class PackagedProfiles
{
    public const string VersionKey = "latest-stable-version";
    public const string ReleaseDateKey = "latest-release-date";

    /// <summary>The profiles with a valid package field, and the attribute keys the catalog defines.</summary>
    public static (List<PackagedProfile> Profiles, HashSet<string> CatalogKeys) Read(string root)
    {
        var scan = ContentScanner.Scan(root);
        var problems = new List<ContentProblem>();
        var catalog = scan.Sources.FirstOrDefault(s => s.Kind == ContentKind.Catalog) is { } c ? CatalogParser.Parse(c, problems) : null;
        var profiles = new List<PackagedProfile>();
        foreach (var source in scan.Sources.Where(s => s.Kind == ContentKind.Framework))
        {
            var text = source.ReadText(problems);
            var f = text is null ? null : FrontMatter.Parse(source.Path, text, problems)?.Fields;
            if (f?.Text("package", required: false) is not { } package || PackageName.Parse(package) is not { } name) continue;
            var slug = f.Text("slug", required: false) ?? Path.GetFileNameWithoutExtension(source.Path);
            var values = f.Node("values", required: false) as YamlMappingNode;
            profiles.Add(new PackagedProfile(source.Path, slug, name, ValueOf(f, values, VersionKey), ValueOf(f, values, ReleaseDateKey)));
        }
        return (profiles, catalog?.Attributes.Select(a => a.Key).ToHashSet() ?? []);
    }

    static string? ValueOf(YamlFields f, YamlMappingNode? values, string key) =>
        values is not null && f.Child(values).Node(key, required: false) is YamlMappingNode fact ? f.Child(fact).Text("value", required: false) : null;
}
