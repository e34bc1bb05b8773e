namespace FrameworkCompare.Web.Registries;

/// <summary>Base URLs of the registries (section Registries), so tests and mirrors can stand in for the public ones.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registries";

    public string PyPI { get; set; } = "https://pypi.org";
    public string Npm { get; set; } = "https://registry.npmjs.org";
    public string RubyGems { get; set; } = "https://rubygems.org";
    public string Packagist { get; set; } = "https://repo.packagist.org";
    public string Maven { get; set; } = "https://repo1.maven.org/maven2";
    public string Hex { get; set; } = "https://hex.pm";
    public string Crates { get; set; } = "https://crates.io";
    public string Go { get; set; } = "https://proxy.golang.org";
    public string NuGet { get; set; } = "https://api.nuget.org";
    /// <summary>crates.io refuses requests without a User-Agent; every registry is told who is asking.</summary>
    public string UserAgent { get; set; } = "FrameworkCompare registry check";
}
