using System.Reflection;

namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>Where things are in the checkout, as recorded at build time.</summary>
public static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The site's own build output; the project reference builds it before the tests.</summary>
    public static string WebAppAssembly { get; } = Metadata("WebAppAssembly");

    public static string ShippedContent => Path.Combine(Root, "content");

    /// <summary>A file of an npm package installed by <c>npm ci</c> from the committed lock file (./test.sh does that).</summary>
    public static string NodeModuleFile(string relativePath)
    {
        var path = Path.Combine(Root, "node_modules", relativePath);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing: run `npm ci --ignore-scripts` in {Root} (./test.sh does it).", path);
        return path;
    }

    /// <summary>Kept test output (screenshots), under the test project's gitignored TestResults folder.</summary>
    public static string OutputFolder(string name) =>
        Directory.CreateDirectory(Path.Combine(Root, "tests", "FrameworkCompare.BrowserTests", "TestResults", name)).FullName;

    static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}
