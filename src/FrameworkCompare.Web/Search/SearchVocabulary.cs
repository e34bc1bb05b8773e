using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FrameworkCompare.Web.Search;

/// <summary>Synonym groups, stop words and framework aliases from search-vocabulary.yml, as terms.</summary>
public sealed class SearchVocabulary
{
    public const string ResourceName = "FrameworkCompare.Web.Search.search-vocabulary.yml";

    /// <summary>Each group's members as term sequences; a group is known to the index by its canonical term.</summary>
    public IReadOnlyList<IReadOnlyList<string[]>> Groups { get; }
    public IReadOnlySet<string> StopWords { get; }
    /// <summary>Framework slug → the term sequences readers name it by (besides its name and slug).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string[]>> Aliases { get; }
    /// <summary>First term of a member → the members starting with it, longest first, with their group.</summary>
    readonly Dictionary<string, List<(string[] Terms, int Group)>> byFirst = [];

    sealed class Raw
    {
        public List<List<string>> Synonyms { get; set; } = [];
        public List<string> Stopwords { get; set; } = [];
        public Dictionary<string, List<string>> Aliases { get; set; } = [];
    }

    public SearchVocabulary(string yaml)
    {
        var raw = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<Raw>(yaml) ?? new Raw();
        Groups = raw.Synonyms.Select(g => (IReadOnlyList<string[]>)g.Select(m => SearchText.Terms(m).ToArray()).Where(t => t.Length > 0).ToList()).ToList();
        StopWords = raw.Stopwords.SelectMany(w => SearchText.Terms(w)).ToHashSet();
        Aliases = raw.Aliases.ToDictionary(a => a.Key, a => (IReadOnlyList<string[]>)a.Value.Select(v => SearchText.Terms(v).ToArray()).Where(t => t.Length > 0).ToList());
        for (var g = 0; g < Groups.Count; g++)
            foreach (var member in Groups[g])
                (byFirst.TryGetValue(member[0], out var list) ? list : byFirst[member[0]] = []).Add((member, g));
        foreach (var list in byFirst.Values) list.Sort((a, b) => b.Terms.Length.CompareTo(a.Terms.Length));
    }

    public static SearchVocabulary Shipped()
    {
        using var stream = typeof(SearchVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded");
        using var reader = new StreamReader(stream);
        return new SearchVocabulary(reader.ReadToEnd());
    }

    /// <summary>The term that stands for a whole synonym group in the index; never a word a text can contain.</summary>
    public static string GroupTerm(int group) => "~" + group;

    /// <summary>The synonym group whose member starts at terms[index], and how many terms it spans.</summary>
    public (int Group, int Length)? MemberAt(IReadOnlyList<string> terms, int index)
    {
        if (!byFirst.TryGetValue(terms[index], out var members)) return null;
        foreach (var (member, group) in members)
        {
            if (index + member.Length > terms.Count) continue;
            var match = true;
            for (var k = 1; k < member.Length && match; k++) match = terms[index + k] == member[k];
            if (match) return (group, member.Length);
        }
        return null;
    }
}
