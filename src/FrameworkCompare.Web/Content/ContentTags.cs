namespace FrameworkCompare.Web.Content;

/// <summary>The kinds of content a page can show, as cache tags: a change evicts only the pages that show its kind.</summary>
public static class ContentTags
{
    public const string Frameworks = "frameworks", Articles = "articles", Faq = "faq", Authors = "authors";

    public static readonly string[] All = [Frameworks, Articles, Faq, Authors];

    /// <summary>The content kinds an import changed.</summary>
    public static IEnumerable<string> ChangedBy(ImportPlan plan)
    {
        var removed = plan.Removed.Select(p => p.Split('/')[0]).ToHashSet();
        // Comparison pages carry the verdict, scored by scoring.yml; they are tagged with frameworks.
        var scoring = plan.Records.Any(r => r.Kind == Models.ContentKind.Scoring) || removed.Contains(ScoringParser.FileName);
        if (plan.Catalog is not null || plan.Frameworks.Count > 0 || removed.Contains("frameworks") || scoring) yield return Frameworks;
        if (plan.Articles.Count > 0 || removed.Contains("articles")) yield return Articles;
        if (plan.Faqs.Count > 0 || removed.Contains("faq")) yield return Faq;
        if (plan.Authors.Count > 0 || removed.Contains("authors")) yield return Authors;
    }
}
