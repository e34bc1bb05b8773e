using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Tests.Checks;

/// <summary>check-registries against a local fake PyPI: proposals into the review queue, never into content.</summary>
public sealed class CheckRegistriesTests : IAsyncLifetime
{
    readonly TestContent content = new(empty: true);
    readonly string folder = Directory.CreateTempSubdirectory("fc-registries-").FullName;
    FakeServer pypi = null!;
    string Database => Path.Combine(folder, "site.db");

    const string PyPiDocument = """
        {"releases": {"5.2.9": [{"upload_time_iso_8601": "2025-12-02T09:00:00Z", "yanked": false}],
                      "6.0a1": [{"upload_time_iso_8601": "2026-01-10T09:00:00Z", "yanked": false}]}}
        """;

    public async Task InitializeAsync() => pypi = await FakeServer.ServingAsync(new Dictionary<string, string> { ["/pypi/Django/json"] = PyPiDocument });

    public async Task DisposeAsync()
    {
        await pypi.DisposeAsync();
        content.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    void Write(string version, string? releaseDate, bool catalogHasDate = true, string package = "pypi:Django")
    {
        var dateAttribute = catalogHasDate ? "  - {key: latest-release-date, label: Latest release date, category: overview, type: date, description: When it came out., order: 2}\n" : "";
        content.Write("attributes.yml", "categories:\n  - {key: overview, label: Overview, order: 1}\nattributes:\n"
            + "  - {key: latest-stable-version, label: Latest stable version, category: overview, type: text, description: The newest release., order: 1}\n" + dateAttribute);
        var date = releaseDate is null ? "" : $"  latest-release-date:\n    value: {releaseDate}\n    source: https://example.org/news\n    checked: 2025-06-01\n";
        content.Write("frameworks/django.md", $"---\nslug: django\nname: Django\npackage: {package}\nvalues:\n"
            + $"  latest-stable-version:\n    value: \"{version}\"\n    source: https://example.org/releases\n    checked: 2025-06-01\n{date}---\nBody.\n");
    }

    async Task<(int Exit, string[] Lines)> CheckAsync(string? registryBase = null)
    {
        var output = new StringWriter();
        var before = Directory.GetFiles(content.Root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        var exit = await Cli.RunAsync(["check-registries", content.Root, $"--ConnectionStrings:Site=Data Source={Database}", $"--Registries:PyPI={registryBase ?? pypi.BaseUrl}",
            FakeServer.AllowedHostsSetting(registryBase ?? pypi.BaseUrl)], output);
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllText(file.Key))); // content is never changed
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    List<ReviewItem> Proposals()
    {
        using var db = new SiteDb(new DbContextOptionsBuilder<SiteDb>().UseSqlite($"Data Source={Database}").Options);
        return db.ReviewItems.AsNoTracking().Where(r => r.Kind == ReviewKind.Proposal).OrderBy(r => r.Id).ToList();
    }

    [Fact]
    public async Task AnOutdatedProfileGetsOneProposalPerValueAndNotTwice()
    {
        Write("5.2.6", "2025-09-03");

        var (exit, lines) = await CheckAsync();

        Assert.Equal(0, exit);
        Assert.Equal([
            "proposed: django latest-stable-version: 5.2.6 → 5.2.9 (https://pypi.org/project/Django/5.2.9/)",
            "proposed: django latest-release-date: 2025-09-03 → 2025-12-02 (https://pypi.org/project/Django/5.2.9/)"], lines);
        var proposals = Proposals();
        Assert.Equal(2, proposals.Count);
        var version = proposals[0];
        Assert.Equal((ReviewState.Open, "registry pypi", "django", "latest-stable-version", "5.2.6", "5.2.9", "https://pypi.org/project/Django/5.2.9/"),
            (version.State, version.Origin, version.FrameworkSlug, version.AttributeKey, version.CurrentValue, version.ProposedValue, version.EvidenceUrl));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), version.ProposedChecked);
        Assert.Equal("pypi lists 5.2.9 as the newest stable release of Django, released 2025-12-02; the profile says 5.2.6.", version.Message);
        Assert.Equal(("latest-release-date", "2025-09-03", "2025-12-02"), (proposals[1].AttributeKey, proposals[1].CurrentValue, proposals[1].ProposedValue));

        (exit, lines) = await CheckAsync();

        Assert.Equal(0, exit);
        Assert.All(lines, l => Assert.StartsWith("already proposed: ", l));
        Assert.Equal(2, Proposals().Count);
    }

    [Fact]
    public async Task AnUpToDateProfileGetsNoProposal()
    {
        Write("5.2.9", "2025-12-02");

        var (exit, lines) = await CheckAsync();

        Assert.Equal(0, exit);
        Assert.Equal(["django: up to date (pypi:Django 5.2.9)"], lines);
        Assert.Empty(Proposals());
    }

    [Fact]
    public async Task WithoutAReleaseDateAttributeOnlyTheVersionIsCompared()
    {
        Write("5.2.9", releaseDate: null, catalogHasDate: false);

        var (exit, lines) = await CheckAsync();

        Assert.Equal(0, exit);
        Assert.Equal(["django: up to date (pypi:Django 5.2.9)"], lines);
        Assert.Empty(Proposals());
    }

    [Fact]
    public async Task AnUnreachableRegistryOrUnknownPackageIsReportedPerPackageWithExitOne()
    {
        Write("5.2.9", "2025-12-02");
        content.Write("frameworks/flask.md", "---\nslug: flask\npackage: pypi:NoSuchFlask\n---\nBody.\n");

        var (exit, lines) = await CheckAsync();
        Assert.Equal(1, exit);
        Assert.Contains("frameworks/flask.md: pypi:NoSuchFlask: the registry has no stable release of this package", lines);
        Assert.Contains("django: up to date (pypi:Django 5.2.9)", lines);

        var closed = pypi.BaseUrl;
        await pypi.DisposeAsync();
        pypi = await FakeServer.StartAsync(_ => Task.CompletedTask); // something to dispose; the old port is closed now
        (exit, lines) = await CheckAsync(closed);
        Assert.Equal(1, exit);
        Assert.Equal(2, lines.Count(l => l.Contains(": the registry could not be asked: ")));
        Assert.Empty(Proposals());
    }
}
