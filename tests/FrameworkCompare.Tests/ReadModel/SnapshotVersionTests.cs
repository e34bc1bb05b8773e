using System.Text.RegularExpressions;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.ReadModel;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.ReadModel;

/// <summary>Pages show one version of the read model at a time, and change on the day their facts go stale.</summary>
public sealed class SnapshotVersionTests
{
    static int Stars(AngleSharp.Html.Dom.IHtmlDocument page, int column) =>
        int.Parse(Regex.Replace(page.QuerySelectorAll("tr#github-stars td")[column].TextContent.Split("stars")[0], "[^0-9]", ""));

    int distinctRounds;

    [Fact]
    public async Task APageServedDuringImportsShowsTheOldVersionOrTheNewNeverAMix()
    {
        using var site = new SiteFactory();
        var client = site.CreateReader();
        // Warm first: the first page compiles the views, and on a loaded machine a dozen imports could finish inside it.
        Assert.Equal(200, (int)(await client.GetAsync("/compare/django-vs-flask")).StatusCode);
        var roundsSeen = new HashSet<int>();
        var importing = Task.Run(async () =>
        {
            // Rounds go on until the reader has seen three of them (or a generous bound), so a slow reader still races.
            for (var round = 1; round <= 60 && Volatile.Read(ref distinctRounds) < 3; round++)
            {
                // One import changes both frameworks: a page showing Django's new count beside Flask's old one would be torn.
                site.Content.Write("frameworks/django.md", TestContent.Framework("django", "Django", stars: (100000 + round).ToString()));
                site.Content.Write("frameworks/flask.md", TestContent.Framework("flask", "Flask", orm: "no", stars: (200000 + round).ToString()));
                await site.ImportAsync();
            }
        });
        var pages = 0;
        var roundOfVersion = new Dictionary<string, int>();
        while (!importing.IsCompleted || pages == 0)
        {
            var response = await client.GetAsync("/compare/django-vs-flask");
            Assert.Equal(200, (int)response.StatusCode);
            var version = Assert.Single(response.Headers.GetValues(RequestSnapshot.VersionHeader));
            var page = await Html.ParseAsync(response);
            var (django, flask) = (Stars(page, 0), Stars(page, 1));
            var round = django >= 100000 ? django - 100000 : 0;
            if (round > 0) Assert.Equal(round, flask - 200000);
            if (roundsSeen.Add(round)) Volatile.Write(ref distinctRounds, roundsSeen.Count);
            // A version is one content (a history derivation makes a new version of the same figures, so not the reverse).
            if (roundOfVersion.TryGetValue(version, out var known)) Assert.Equal(known, round);
            else roundOfVersion[version] = round;
            pages++;
        }
        await importing;
        Assert.True(roundsSeen.Count >= 2, $"{pages} pages saw only rounds {string.Join(", ", roundsSeen)}: the test raced nothing");
    }

    sealed class DatedSite : SiteFactory
    {
        public MovableClock Time { get; } = new(new DateTimeOffset(2025, 10, 2, 23, 59, 0, TimeSpan.Zero));

        public DatedSite() : base(Checked("2024-04-02")) { }

        static TestContent Checked(string day)
        {
            var content = new TestContent();
            content.Write("frameworks/flask.md", TestContent.Framework("flask", "Flask", orm: "no", stars: "70000", checkedOn: day));
            return content;
        }

        protected override TimeProvider Clock => Time;
    }

    [Fact]
    public async Task ACachedPageTurnsPossiblyOutOfDateOnItsDayWithNoImport()
    {
        using var site = new DatedSite();
        var client = site.CreateReader();
        // Checked on 2 April 2024, 18 months before 2 October 2025: stale from 3 October 2025.
        var before = await client.GetAsync("/compare/django-vs-flask");
        var beforeAgain = await client.GetAsync("/compare/django-vs-flask");
        Assert.Equal(before.Headers.ETag, beforeAgain.Headers.ETag);
        var beforePage = await Html.ParseAsync(before);
        Assert.Empty(beforePage.QuerySelectorAll("tr#github-stars td .stale"));

        site.Time.Now = new DateTimeOffset(2025, 10, 3, 0, 0, 0, TimeSpan.Zero);
        var after = await client.GetAsync("/compare/django-vs-flask");
        var afterPage = await Html.ParseAsync(after);
        Assert.Single(afterPage.QuerySelectorAll("tr#github-stars td .stale"));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(Assert.Single(before.Headers.GetValues(RequestSnapshot.VersionHeader)), Assert.Single(after.Headers.GetValues(RequestSnapshot.VersionHeader)));
    }

    [Fact]
    public async Task AnFaqOnlyImportLeavesArticlePagesCachedAsTheyWere()
    {
        using var site = new SiteFactory();
        var client = site.CreateReader();
        var article = await client.GetAsync("/articles/django-vs-flask");
        var listener = site.Services.GetRequiredService<CurrentSnapshot>();
        var before = listener.Value;
        site.Content.Write("faq/new-question.md", TestContent.Faq("Is Flask small?", "[flask]"));
        await site.ImportAsync();
        var after = listener.Value;
        Assert.True(after.Version > before.Version);
        Assert.Equal(before.TagVersions[FrameworkCompare.Web.Content.ContentTags.Articles], after.TagVersions[FrameworkCompare.Web.Content.ContentTags.Articles]);
        Assert.NotEqual(before.TagVersions[FrameworkCompare.Web.Content.ContentTags.Faq], after.TagVersions[FrameworkCompare.Web.Content.ContentTags.Faq]);
        var again = await client.GetAsync("/articles/django-vs-flask");
        Assert.Equal(article.Headers.ETag, again.Headers.ETag);
        // Still the entry cached before the import: it names the version it was built from.
        Assert.Equal(article.Headers.GetValues(RequestSnapshot.VersionHeader), again.Headers.GetValues(RequestSnapshot.VersionHeader));
    }
}
