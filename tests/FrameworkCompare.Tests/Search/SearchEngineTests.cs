using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Search;

namespace FrameworkCompare.Tests.Search;

/// <summary>The in-memory index on its own: ranking, typos, prefixes, synonyms and names, over a few hand-made documents.</summary>
public sealed class SearchEngineTests
{
    static readonly SearchVocabulary Vocabulary = new("""
        synonyms:
          - [job, career]
          - [ml, machine learning]
        stopwords: [vs, or, the, a, for]
        aliases:
          rails: [ruby on rails]
        """);

    static readonly AttributeDefinition WebSockets = new() { Key = "websockets", Label = "WebSockets", CategoryKey = "apis", Description = "Real-time sockets." };
    static readonly AttributeDefinition Orm = new() { Key = "orm", Label = "Built-in ORM", CategoryKey = "data", Description = "Object-relational mapping." };

    static SearchSnapshot Snapshot()
    {
        var builder = new IndexBuilder(Vocabulary);
        var docs = new List<SearchDocument>();
        void Add(string kind, string slug, string title, string keywords, string body, AttributeDefinition? attribute = null)
        {
            builder.Add(title, keywords, "", body);
            docs.Add(new SearchDocument(kind, slug, title, [slug]) { Attribute = attribute });
        }
        Add(DocumentKinds.Framework, "django", "Django", "django python", "A full-stack framework with an admin and an ORM.");
        Add(DocumentKinds.Framework, "fastapi", "FastAPI", "fastapi python", "Type hints drive validation.");
        Add(DocumentKinds.Framework, "rails", "Ruby on Rails", "rails ruby", "Convention over configuration.");
        Add(DocumentKinds.Fact, "fastapi", "FastAPI: WebSockets", "FastAPI fastapi", "yes, through Starlette", WebSockets);
        Add(DocumentKinds.Fact, "django", "Django: Built-in ORM", "Django django", "yes", Orm);
        Add(DocumentKinds.Article, "pyramid-title", "Pyramid of tests", "", "How to layer tests.");
        Add(DocumentKinds.Article, "pyramid-body", "Layers", "", "A pyramid of tests, a pyramid of layers, a pyramid of needs.");
        Add(DocumentKinds.Faq, "job", "Which framework helps your career?", "", "Hiring data is thin.");
        Add(DocumentKinds.Faq, "ml", "Which framework for machine learning?", "", "Serving models.");
        Add(DocumentKinds.Article, "routing", "Routing in depth", "", "Routers and routes and a router.");
        FrameworkSummary F(string slug, string name) => new(slug, name, "Python", "full-stack", "");
        return new SearchSnapshot(builder.Build(), docs, Vocabulary, [F("django", "Django"), F("fastapi", "FastAPI"), F("rails", "Ruby on Rails")], [WebSockets, Orm]);
    }

    static List<string> Slugs(SearchSnapshot s, string query, bool exact = false) =>
        s.Rank(s.Plan(query, exact), 10).Ranked.Select(r => s.Documents[r.Doc].Kind + ":" + s.Documents[r.Doc].Slug).ToList();

    [Fact]
    public void ATitleMatchOutranksABodyMatch()
    {
        Assert.Equal(["article:pyramid-title", "article:pyramid-body"], Slugs(Snapshot(), "pyramid"));
    }

    [Fact]
    public void DocumentsWithEveryWordComeFirstThenThoseWithSome()
    {
        var s = Snapshot();
        var (ranked, total) = s.Rank(s.Plan("pyramid needs", false), 10);
        Assert.Equal(1, total);
        Assert.Equal([("pyramid-body", true), ("pyramid-title", false)], ranked.Select(r => (s.Documents[r.Doc].Slug, r.All)));
    }

    [Theory]
    [InlineData("djnago", "django")]
    [InlineData("fastpai", "fastapi")]
    [InlineData("pyrmaid", "pyramid")]
    public void AMisspeltWordIsCorrectedToTheClosestKnownOne(string typed, string meant)
    {
        var plan = Snapshot().Plan(typed, exact: false);
        Assert.Equal(meant, plan.Corrected);
    }

    [Fact]
    public void ExactSearchesAndShortWordsAreNotCorrected()
    {
        var s = Snapshot();
        Assert.Null(s.Plan("djnago", exact: true).Corrected);
        Assert.Empty(Slugs(s, "djnago", exact: true));
        // Three letters leave too little to tell a typo from another word.
        Assert.Null(s.Plan("djn", exact: false).Corrected);
    }

    [Fact]
    public void PluralsAndSingularsFindEachOther()
    {
        var s = Snapshot();
        Assert.Contains("fact:fastapi", Slugs(s, "websocket"));
        Assert.Contains("article:routing", Slugs(s, "route"));
    }

    [Fact]
    public void TheLastWordAlsoMatchesAsThePrefixOfALongerWord()
    {
        var s = Snapshot();
        Assert.Equal(["article:pyramid-title", "article:pyramid-body"], Slugs(s, "pyra"));
        // Only the last word: an earlier partial word must match whole.
        Assert.Equal(0, s.Rank(s.Plan("pyra layers", true), 10).Total);
    }

    [Fact]
    public void SynonymsFromTheVocabularyFindEachOtherIncludingPhrases()
    {
        var s = Snapshot();
        Assert.Equal("faq:job", Slugs(s, "job").First());
        Assert.Equal("faq:ml", Slugs(s, "ML").First());
        Assert.Equal("faq:ml", Slugs(s, "machine learning").First());
    }

    [Fact]
    public void FrameworksAndAnAttributeAreRecognisedByNameAliasOrSlug()
    {
        var s = Snapshot();
        Assert.Equal(["django", "rails"], s.Plan("Django vs Ruby on Rails", false).Frameworks);
        var fact = s.Plan("fastapi websockets", false);
        Assert.Equal(["fastapi"], fact.Frameworks);
        Assert.Equal("websockets", fact.AttributeKey);
        Assert.Equal("orm", s.Plan("django orm", false).AttributeKey);
        // A word still being typed that starts only one framework's name names it.
        Assert.Equal(["django"], s.Plan("djan", false).Frameworks);
    }

    [Fact]
    public void StopWordsAreLeftOutUnlessTheQueryHasNothingElse()
    {
        var s = Snapshot();
        Assert.Equal(["django"], s.Plan("the django", false).Terms.Select(t => t.Text));
        Assert.Equal(["the"], s.Plan("the", false).Terms.Select(t => t.Text));
    }

    [Theory]
    [InlineData("djnago", "django", 1)]
    [InlineData("django", "djangoo", 1)]
    [InlineData("abcdef", "abcfed", 2)]
    [InlineData("flask", "fastapi", 3)]
    public void DistanceCountsATranspositionAsOneEdit(string a, string b, int max)
    {
        Assert.Equal(max == 3 ? 4 : max, SearchText.Distance(a, b, max));
    }
}
