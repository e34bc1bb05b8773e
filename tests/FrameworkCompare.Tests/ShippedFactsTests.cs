using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Tests;

/// <summary>
/// The facts readers look at first (releases, popularity), the notes beside them and the FAQ's coverage, checked over
/// the shipped content as imported.
/// </summary>
public sealed class ShippedFactsTests(ShippedContentTests.Site site) : IClassFixture<ShippedContentTests.Site>
{
    static readonly string[] ReleaseAttributes = ["latest-stable-version", "latest-release-date"];
    static readonly string[] PopularityAttributes = ["github-stars", "contributors", "monthly-downloads"];

    [Fact]
    public void EveryFrameworkHasAKnownLatestVersionAndReleaseDate()
    {
        var unknown = site.Query(db => db.FactValues.Where(v => ReleaseAttributes.Contains(v.AttributeKey) && v.UnknownReason != null)
            .Select(v => v.FrameworkSlug + "/" + v.AttributeKey).ToList());
        Assert.True(unknown.Count == 0, "Unknown release facts:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void NoReleaseDateIsLaterThanTheDayItWasChecked()
    {
        var dates = site.Query(db => db.FactValues.Where(v => v.AttributeKey == "latest-release-date" && v.Value != null).ToList());
        Assert.Equal(20, dates.Count);
        var later = dates.Where(v => DateOnly.Parse(v.Value!) > v.Checked).Select(v => $"{v.FrameworkSlug}: released {v.Value}, checked {v.Checked:yyyy-MM-dd}").ToList();
        Assert.True(later.Count == 0, string.Join("\n", later));
    }

    [Fact]
    public void ReleaseCellsCiteATagReleasePageOrRegistryNamingTheVersion()
    {
        var versions = site.Query(db => db.FactValues.Where(v => v.AttributeKey == "latest-stable-version" && v.Value != null).ToList());
        var uncited = versions.Where(v => !v.SourceUrl!.Contains(v.Value!.TrimStart('v'), StringComparison.OrdinalIgnoreCase))
            .Select(v => $"{v.FrameworkSlug}: {v.Value} cited to {v.SourceUrl}").ToList();
        Assert.True(uncited.Count == 0, "Sources that do not name the version:\n" + string.Join("\n", uncited));
    }

    [Fact]
    public void NoPopularityUnknownCarriesANumber()
    {
        var cells = site.Query(db => db.FactValues.Where(v => PopularityAttributes.Contains(v.AttributeKey) && v.UnknownReason != null).ToList());
        var withNumbers = cells.Where(v => v.UnknownReason!.Any(char.IsDigit)).Select(v => $"{v.FrameworkSlug}/{v.AttributeKey}: {v.UnknownReason}").ToList();
        Assert.True(withNumbers.Count == 0, "A figure without a measurement date belongs nowhere on the page:\n" + string.Join("\n", withNumbers));
    }

    [Fact]
    public void EveryFrameworkHasADatedPopularityFigure()
    {
        var frameworks = site.Query(db => db.Frameworks.Select(f => f.Slug).ToList());
        var dated = site.Query(db => db.FactValues.Where(v => PopularityAttributes.Contains(v.AttributeKey) && v.Value != null && v.Checked != null)
            .Select(v => v.FrameworkSlug).Distinct().ToList());
        Assert.Empty(frameworks.Except(dated));
    }

    [Fact]
    public void NotesAreShortAndSayNothingAboutResearch()
    {
        var output = new StringWriter();
        Web.Commands.ValidateCommand.Run(ShippedContentTests.RepositoryContent, output);
        var noteWarnings = output.ToString().Split('\n').Where(l => l.Contains("field 'note'") || l.Contains("field 'unknown'")).ToList();
        Assert.True(noteWarnings.Count == 0, string.Join("\n", noteWarnings));
    }

    [Fact]
    public void EveryFaqAnswerCarriesAReviewedDate()
    {
        var missing = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(ShippedContentTests.RepositoryContent, "faq"), "*.md"))
        {
            var problems = new List<ContentProblem>();
            var front = FrontMatter.Parse(path, File.ReadAllText(path), problems);
            if (front?.Fields.Date("reviewed", required: false) is null) missing.Add(Path.GetFileName(path));
        }
        Assert.True(missing.Count == 0, "FAQ answers without 'reviewed':\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryFrameworkIsNamedByAtLeastThreeFaqAnswers()
    {
        var faq = site.Query(db => db.FaqEntries.ToList());
        var frameworks = site.Query(db => db.Frameworks.Select(f => f.Slug).ToList());
        var thin = frameworks.Select(f => (Slug: f, Count: faq.Count(q => q.Frameworks.Contains(f)))).Where(x => x.Count < 3)
            .Select(x => $"{x.Slug}: {x.Count}").ToList();
        Assert.True(thin.Count == 0, "Frameworks with fewer than three FAQ answers:\n" + string.Join("\n", thin));
    }

    [Fact]
    public void AtLeastEightFaqAnswersCompareAcrossLanguages()
    {
        var languages = site.Query(db => db.Frameworks.ToDictionary(f => f.Slug, f => LanguageFamily(f.Language)));
        var across = site.Query(db => db.FaqEntries.ToList()).Count(q => q.Frameworks.Select(f => languages[f]).Distinct().Count() > 1);
        Assert.True(across >= 8, $"{across} FAQ answers compare across language families");
    }

    // JavaScript and TypeScript on Node.js are one family; the reader-experience issue makes this a field of its own.
    static string LanguageFamily(string language) =>
        language.Contains("JavaScript", StringComparison.OrdinalIgnoreCase) || language.Contains("TypeScript", StringComparison.OrdinalIgnoreCase)
            ? "JavaScript" : language;
}
