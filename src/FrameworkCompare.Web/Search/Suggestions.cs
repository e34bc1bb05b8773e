using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Search;

/// <summary>Suggestions as a reader types: frameworks (or comparisons, once one framework is named) and FAQ questions.</summary>
public static class Suggestions
{
    public static IReadOnlyList<Suggestion> For(SearchSnapshot snapshot, string text, int max)
    {
        var terms = SearchText.Terms(text, SearchSnapshot.MaxTerms);
        if (terms.Count == 0 || max <= 0) return [];
        var last = terms[^1];
        var named = snapshot.Plan(string.Join(' ', terms.Take(terms.Count - 1)), exact: true).Frameworks;
        var wholeQuery = snapshot.Plan(text, exact: true).Frameworks;
        var starting = snapshot.FrameworksStartingWith(last).Where(s => !named.Contains(s))
            .OrderBy(s => snapshot.FrameworkNames[s], StringComparer.OrdinalIgnoreCase).ToList();

        var found = new List<Suggestion>();
        if (named.Count is >= 1 and <= 3)
            found.AddRange(starting.Select(s => Comparison(snapshot, [.. named, s])));
        else if (named.Count == 0)
            found.AddRange(starting.Select(s => new Suggestion(DocumentKinds.Framework, snapshot.FrameworkNames[s], s, [s])));
        if (found.Count == 0 && wholeQuery.Count is >= 2 and <= 4) found.Add(Comparison(snapshot, wholeQuery));

        var words = terms.Where(t => !snapshot.Vocabulary.StopWords.Contains(t)).ToList();
        if (words.Count > 0)
        {
            var complete = words.Take(words.Count - 1).ToList();
            var partial = words[^1];
            foreach (var doc in snapshot.Documents.Where(d => d.Kind == DocumentKinds.Faq))
            {
                if (found.Count >= max * 2) break;
                var question = SearchText.Terms(doc.Title);
                if (complete.All(question.Contains) && question.Any(q => q.StartsWith(partial, StringComparison.Ordinal)))
                    found.Add(new Suggestion(DocumentKinds.Faq, doc.Title, doc.Slug, doc.Slugs));
            }
        }
        return found.DistinctBy(s => (s.Kind, s.Slug)).Take(max).ToList();
    }

    static Suggestion Comparison(SearchSnapshot snapshot, IEnumerable<string> slugs)
    {
        var ordered = slugs.Order(StringComparer.Ordinal).ToList();
        return new Suggestion(DocumentKinds.Comparison, string.Join(" vs ", ordered.Select(s => snapshot.FrameworkNames[s])),
            string.Join(Framework.ComparisonSeparator, ordered), ordered);
    }
}
