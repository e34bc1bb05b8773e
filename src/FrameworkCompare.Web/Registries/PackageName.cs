using System.Text.RegularExpressions;

namespace FrameworkCompare.Web.Registries;

/// <summary>A framework's package as a profile names it: REGISTRY:NAME, such as pypi:Django or npm:@nestjs/core.</summary>
public sealed partial record PackageName(string Registry, string Name)
{
    public static readonly string[] Registries = ["pypi", "npm", "rubygems", "packagist", "maven", "hex", "crates", "go", "nuget"];

    public static bool IsValid(string text) => Parse(text) is not null;

    public static PackageName? Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0) return null;
        var (registry, name) = (text[..colon], text[(colon + 1)..]);
        return Registries.Contains(registry) && NamePattern().IsMatch(name) ? new PackageName(registry, name) : null;
    }

    public override string ToString() => $"{Registry}:{Name}";

    // Package names across registries: letters, digits, . _ - and the separators scoped and grouped names use (@ / :).
    [GeneratedRegex(@"^@?[A-Za-z0-9][A-Za-z0-9._\-]*(/[A-Za-z0-9._\-]+)*(:[A-Za-z0-9._\-]+)?$")]
    private static partial Regex NamePattern();
}
