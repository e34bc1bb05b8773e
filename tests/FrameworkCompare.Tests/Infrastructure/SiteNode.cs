using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Infrastructure;

/// <summary>One of several nodes of one site: the same database and the same data-protection key ring, as a farm shares them.</summary>
public sealed class SiteNode(string databasePath, string keyRing) : SiteFactory(databasePath: databasePath)
{
    /// <summary>Nodes over a new database and key ring; dispose them all at the end.</summary>
    public static SiteNode[] Farm(int count)
    {
        var folder = Directory.CreateTempSubdirectory("fc-farm-").FullName;
        var keys = Directory.CreateDirectory(Path.Combine(folder, "keys")).FullName;
        return [.. Enumerable.Range(0, count).Select(_ => new SiteNode(Path.Combine(folder, "site.db"), keys))];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keyRing)).SetApplicationName("FrameworkCompare"));
    }
}
