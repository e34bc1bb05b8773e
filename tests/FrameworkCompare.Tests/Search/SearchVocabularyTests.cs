using FrameworkCompare.Web.Search;

namespace FrameworkCompare.Tests.Search;

/// <summary>The shipped search vocabulary (src/FrameworkCompare.Web/Search/search-vocabulary.yml) is consistent with itself and the content.</summary>
public sealed class SearchVocabularyTests
{
    static readonly SearchVocabulary Shipped = SearchVocabulary.Shipped();

    [Fact]
    public void EveryAliasNamesAShippedFramework()
    {
        var slugs = Directory.EnumerateFiles(Path.Combine(ShippedContentTests.RepositoryContent, "frameworks"), "*.md")
            .Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.NotEmpty(Shipped.Aliases);
        Assert.All(Shipped.Aliases.Keys, slug => Assert.Contains(slug, slugs));
    }

    [Fact]
    public void NoWordIsInTwoSynonymGroupsAndNoneIsAStopWord()
    {
        var members = Shipped.Groups.SelectMany((g, i) => g.Select(m => (Member: string.Join(' ', m), Group: i))).ToList();
        Assert.True(members.Count > 20);
        var repeated = members.GroupBy(m => m.Member).Where(g => g.Select(m => m.Group).Distinct().Count() > 1).Select(g => g.Key);
        Assert.Empty(repeated);
        Assert.Empty(members.Where(m => !m.Member.Contains(' ') && Shipped.StopWords.Contains(m.Member)).Select(m => m.Member));
    }

    [Fact]
    public void TheIssuesSynonymsAreThere()
    {
        string? GroupOf(string words) => Shipped.MemberAt(SearchText.Terms(words), 0) is { } m ? SearchVocabulary.GroupTerm(m.Group) : null;
        Assert.Equal(GroupOf("job"), GroupOf("career"));
        Assert.Equal(GroupOf("ml"), GroupOf("machine learning"));
        Assert.Equal(GroupOf("rest"), GroupOf("api"));
        Assert.NotNull(GroupOf("job"));
    }
}
