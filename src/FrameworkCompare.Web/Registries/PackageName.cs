using System.Text.RegularExpressions;

namespace FrameworkCompare.Web.Registries;

/// <summary>
/// A framework's package as a profile names it: REGISTRY:NAME, such as pypi:Django or npm:@nestjs/core. Each registry's name
/// is held to that ecosystem's own naming rule, and no name may contain "..", so a name can only ever be one package's path.
/// </summary>
public sealed partial record PackageName(string Registry, string Name)
{
    public static readonly string[] Registries = ["pypi", "npm", "rubygems", "packagist", "maven", "hex", "crates", "go", "nuget"];

    const int MaxLength = 214; // npm's limit, the longest of these ecosystems' short-name rules

    public static bool IsValid(string text) => Parse(text) is not null;

    public static PackageName? Parse(string text) => Check(text, out var name) is null ? name : null;

    /// <summary>Null when the text is a valid package name, otherwise why not, as a sentence for a validation message.</summary>
    public static string? Problem(string text) => Check(text, out _);

    static string? Check(string text, out PackageName? parsed)
    {
        parsed = null;
        var colon = text.IndexOf(':');
        if (colon <= 0 || !Registries.Contains(text[..colon]))
            return $"'{text}' is not REGISTRY:NAME with a registry of {string.Join(", ", Registries)}";
        var (registry, name) = (text[..colon], text[(colon + 1)..]);
        if (name.Length == 0 || name.Length > MaxLength) return $"'{text}': a package name has 1 to {MaxLength} characters";
        if (name.Contains("..", StringComparison.Ordinal)) return $"'{text}': a package name may not contain '..'";
        if (!Rule(registry).IsMatch(name)) return $"'{text}' is not a valid {registry} name: {RuleText(registry)}";
        parsed = new PackageName(registry, name);
        return null;
    }

    static Regex Rule(string registry) => registry switch
    {
        "npm" => Npm(),
        "pypi" => PyPI(),
        "rubygems" => RubyGems(),
        "packagist" => Packagist(),
        "maven" => Maven(),
        "hex" => Hex(),
        "crates" => Crates(),
        "go" => Go(),
        "nuget" => NuGet(),
        _ => throw new ArgumentOutOfRangeException(nameof(registry)),
    };

    static string RuleText(string registry) => registry switch
    {
        "npm" => "an optional @scope/ then letters, digits, - . _ ~, not starting with . or _",
        "pypi" => "letters, digits, . _ - (PEP 508), starting and ending with a letter or digit",
        "rubygems" => "letters, digits, . _ -, starting with a letter or digit",
        "packagist" => "vendor/package in lower case letters and digits, separated by . _ -",
        "maven" => "group:artifact, the group dot-separated parts of letters, digits, _ -, the artifact letters, digits, . _ -",
        "hex" => "lower case letters, digits and _, starting with a letter",
        "crates" => "letters, digits, _ -, starting with a letter, at most 64 characters",
        "go" => "a module path: a domain with a dot, then /-separated parts of letters, digits, - . _ ~, none starting or ending with .",
        "nuget" => "letters, digits and _, in parts joined by . or -, at most 100 characters",
        _ => "",
    };

    public override string ToString() => $"{Registry}:{Name}";

    // validate-npm-package-name, allowing the capitals of old packages; the URL-unsafe characters it forbids are excluded.
    [GeneratedRegex(@"^(@[a-z0-9~-][a-z0-9._~-]*/)?[A-Za-z0-9~-][A-Za-z0-9._~-]*$")]
    private static partial Regex Npm();

    // PEP 508 names, compared without case.
    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$")]
    private static partial Regex PyPI();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex RubyGems();

    // Composer's name rule (composer.json schema); upper case is accepted because the client lower-cases before asking.
    [GeneratedRegex(@"^[a-z0-9]([_.-]?[a-z0-9]+)*/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex Packagist();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*:[A-Za-z0-9_-][A-Za-z0-9._-]*$")]
    private static partial Regex Maven();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex Crates();

    // golang.org/x/mod/module.CheckPath: the first element a lower-case domain with a dot, no element empty or starting/ending with a dot.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+(/[A-Za-z0-9_~-]([A-Za-z0-9._~-]*[A-Za-z0-9_~-])?)*$")]
    private static partial Regex Go();

    // NuGet's PackageIdValidator, ASCII only.
    [GeneratedRegex(@"^(?=.{1,100}$)[A-Za-z0-9_]+([.-][A-Za-z0-9_]+)*$")]
    private static partial Regex NuGet();
}
