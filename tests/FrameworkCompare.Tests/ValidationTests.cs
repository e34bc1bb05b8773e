using System.Text;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Content;

namespace FrameworkCompare.Tests;

/// <summary>Every validation rule, seen the way editors see it: the validate command's output.</summary>
public sealed class ValidationTests : IDisposable
{
    readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    (int ExitCode, string[] Lines) Validate()
    {
        var output = new StringWriter();
        var exit = ValidateCommand.Run(content.Root, output);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    int LineOf(string relative, string snippet)
    {
        var lines = content.Read(relative).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(snippet));
        Assert.True(index >= 0, $"'{snippet}' not in {relative}");
        return index + 1;
    }

    void AssertProblem(string relative, int line, string message)
    {
        var (exit, lines) = Validate();
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith($"{relative}:{line}: ") && l.Contains(message));
    }

    [Fact]
    public void ValidContentPrintsNoProblemsAndExitsZero()
    {
        var (exit, lines) = Validate();
        Assert.Equal(["7 files checked: 0 errors, 0 warnings"], lines);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task TheValidateVerbOfTheSiteProcessPrintsProblemsAndExitsOne()
    {
        content.Replace("articles/django-vs-flask.md", "author: Test Author\n", "");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(Program).Assembly.Location, "validate", content.Root },
            RedirectStandardOutput = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(1, process.ExitCode);
        Assert.Equal(["articles/django-vs-flask.md:2: missing required field 'author'", "7 files checked: 1 errors, 0 warnings"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void MissingFolderExitsTwo()
    {
        var exit = ValidateCommand.Run(Path.Combine(content.Root, "nope"), new StringWriter());
        Assert.Equal(2, exit);
    }

    [Fact]
    public void MalformedYamlNamesTheLine()
    {
        content.Replace("frameworks/flask.md", "name: Flask", "name: [Flask");
        var (exit, lines) = Validate();
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("frameworks/flask.md:") && l.Contains("malformed YAML"));
    }

    [Fact]
    public void MissingRequiredField()
    {
        content.Replace("frameworks/flask.md", "language: Python\n", "");
        AssertProblem("frameworks/flask.md", 2, "missing required field 'language'");
    }

    [Fact]
    public void UnknownFrameworkInAnArticle()
    {
        content.Replace("articles/django-vs-flask.md", "[django, flask]", "[django, rails]");
        AssertProblem("articles/django-vs-flask.md", LineOf("articles/django-vs-flask.md", "frameworks:"), "unknown framework 'rails'");
    }

    [Fact]
    public void UnknownAttributeKey()
    {
        content.Replace("frameworks/flask.md", "  orm:\n", "  speed:\n    value: fast\n  orm:\n");
        AssertProblem("frameworks/flask.md", LineOf("frameworks/flask.md", "speed:"), "unknown attribute 'speed'");
    }

    [Theory]
    [InlineData("value: no", "value: maybe", "value 'maybe' does not fit attribute 'orm' (yesno)")]
    [InlineData("value: 70000", "value: lots", "value 'lots' does not fit attribute 'github-stars' (number)")]
    [InlineData("value: 2010", "value: 10", "value '10' does not fit attribute 'first-release' (year)")]
    public void ValueThatDoesNotFitItsType(string oldValue, string newValue, string message)
    {
        content.Replace("frameworks/flask.md", oldValue, newValue);
        AssertProblem("frameworks/flask.md", LineOf("frameworks/flask.md", newValue), message);
    }

    [Fact]
    public void DuplicateSlug()
    {
        content.Write("frameworks/flask-copy.md", content.Read("frameworks/flask.md"));
        AssertProblem("frameworks/flask.md", 2, "duplicate slug 'flask': frameworks/flask-copy.md already uses it");
    }

    [Fact]
    public void BadDate()
    {
        content.Replace("articles/django-vs-flask.md", "published: 2025-03-01", "published: 2025-13-01");
        AssertProblem("articles/django-vs-flask.md", 6, "field 'published': '2025-13-01' is not a date; write YYYY-MM-DD");
    }

    [Fact]
    public void UpdatedBeforePublished()
    {
        content.Replace("articles/django-vs-flask.md", "updated: 2025-06-10", "updated: 2024-06-10");
        AssertProblem("articles/django-vs-flask.md", 7, "is before 'published'");
    }

    [Fact]
    public void SourceThatIsNotHttp()
    {
        content.Replace("frameworks/flask.md", "source: https://flask.example.org/orm", "source: ftp://flask.example.org/orm");
        AssertProblem("frameworks/flask.md", LineOf("frameworks/flask.md", "ftp://"), "is not an absolute http(s) URL");
    }

    [Fact]
    public void FileThatIsNotUtf8()
    {
        var latin1 = Encoding.Latin1.GetBytes(content.Read("faq/is-django-still-relevant.md").Replace("Yes, it is.", "Oui, c'est sûr."));
        content.WriteBytes("faq/is-django-still-relevant.md", latin1);
        AssertProblem("faq/is-django-still-relevant.md", 6, "not valid UTF-8");
    }

    [Fact]
    public void EmptyBody()
    {
        content.Write("faq/empty.md", "---\nquestion: Why?\ntopic: Choosing\nframeworks: [django]\n---\n\n");
        AssertProblem("faq/empty.md", 6, "the body is empty");
    }

    [Fact]
    public void MissingFrontMatter()
    {
        content.Write("articles/plain.md", "# Just Markdown\n");
        AssertProblem("articles/plain.md", 1, "must start with front matter");
    }

    [Fact]
    public void UnknownFieldIsReportedAsATypo()
    {
        content.Replace("articles/django-vs-flask.md", "summary:", "sumary:");
        AssertProblem("articles/django-vs-flask.md", 4, "unknown field 'sumary'");
    }

    [Fact]
    public void UnsafeLinkIsAWarning()
    {
        content.Replace("faq/is-django-still-relevant.md", "(https://docs.djangoproject.com/)", "(javascript:alert(1))");
        AssertProblem("faq/is-django-still-relevant.md", 6, "warning: unsafe link target 'javascript:alert(1)' removed");
    }

    [Fact]
    public void MissingAttributeValueIsAWarning()
    {
        content.Replace("frameworks/flask.md", "  rest-api:\n    unknown: Nobody has checked this yet.\n", "");
        AssertProblem("frameworks/flask.md", LineOf("frameworks/flask.md", "values:"), "warning: no value for attribute 'rest-api'");
    }

    [Theory]
    [InlineData("framework/bottle.md")]
    [InlineData("faq/why.markdown")]
    [InlineData("articles/drafts/later.md")]
    public void FilesOutsideTheKnownPlacesAreReportedNotSilentlyIgnored(string path)
    {
        content.Write(path, TestContent.Faq("Why?", "[django]"));
        AssertProblem(path, 1, "warning: not imported: content is attributes.yml and .md files in frameworks/, articles/, faq/ and authors/");
    }

    [Fact]
    public void CatalogWithUnknownType()
    {
        content.Replace("attributes.yml", "type: year", "type: datetime");
        AssertProblem("attributes.yml", LineOf("attributes.yml", "type: datetime"), "unknown type 'datetime'");
    }

    [Fact]
    public void ANoteOverFortyWordsIsAWarningOnItsLine()
    {
        var note = string.Join(' ', Enumerable.Repeat("word", 41));
        content.Replace("frameworks/flask.md", "note: Note about Flask's ORM", $"note: {note}");
        var (_, lines) = Validate();
        Assert.Contains(lines, l => l.StartsWith($"frameworks/flask.md:{LineOf("frameworks/flask.md", "note: word")}: warning:") && l.Contains("41 words"));
    }

    [Theory]
    [InlineData("note: Every copy we could read says so")]
    [InlineData("note: PyPI was Out Of Reach on the day")]
    [InlineData("note: Taken from the snapshot of main")]
    public void ANoteThatDescribesTheResearchIsAWarning(string note)
    {
        content.Replace("frameworks/flask.md", "note: Note about Flask's ORM", note);
        var (_, lines) = Validate();
        Assert.Contains(lines, l => l.StartsWith($"frameworks/flask.md:{LineOf("frameworks/flask.md", note)}: warning:") && l.Contains("researched"));
    }

    [Fact]
    public void AnUnknownReasonFollowsTheNoteRulesToo()
    {
        content.Replace("frameworks/flask.md", "unknown: Nobody has checked this yet.", "unknown: Not counted since, our count was 12.");
        var (_, lines) = Validate();
        Assert.Contains(lines, l => l.StartsWith($"frameworks/flask.md:{LineOf("frameworks/flask.md", "our count")}: warning:") && l.Contains("'our count'"));
    }

    [Fact]
    public void NeverIsAStaleAgeAndOtherWordsAreNot()
    {
        content.Replace("attributes.yml", "    description: Year of the first public release.\n    order: 2\n", "    description: Year of the first public release.\n    order: 2\n    stale_after_months: never\n");
        Assert.Equal(0, Validate().ExitCode);
        content.Replace("attributes.yml", "stale_after_months: never", "stale_after_months: sometimes");
        AssertProblem("attributes.yml", LineOf("attributes.yml", "sometimes"), "is not a whole number from 1 to 600");
    }

    [Fact]
    public void AReviewedDateMustBeADateAndNotInTheFuture()
    {
        content.Replace("faq/is-django-still-relevant.md", "frameworks: [django]\n", "frameworks: [django]\nreviewed: 2026-12-01\n");
        Assert.Equal(0, Validate().ExitCode);
        content.Replace("faq/is-django-still-relevant.md", "reviewed: 2026-12-01", "reviewed: 2999-01-01");
        AssertProblem("faq/is-django-still-relevant.md", 5, "is in the future");
    }

    [Fact]
    public void AReleaseDateLaterThanItsCheckedDateIsRefused()
    {
        content.Replace("attributes.yml", "  - key: rest-api\n", "  - key: released\n    label: Released\n    category: overview\n    type: date\n    description: Release date.\n    order: 9\n  - key: rest-api\n");
        content.Replace("frameworks/flask.md", "  rest-api:\n", "  released:\n    value: 2025-05-01\n    source: https://flask.example.org/releases\n    checked: 2025-04-02\n  rest-api:\n");
        AssertProblem("frameworks/flask.md", LineOf("frameworks/flask.md", "value: 2025-05-01"), "later than the day it was checked");
    }
}
