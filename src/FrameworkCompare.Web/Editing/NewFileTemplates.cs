using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Editing;

/// <summary>Starting text for new content files, with every required field filled in so the first check passes.</summary>
public static partial class NewFileTemplates
{
    public static readonly Dictionary<string, (string Folder, string Label)> Kinds = new()
    {
        ["article"] = ("articles", "article"), ["faq"] = ("faq", "FAQ entry"), ["framework"] = ("frameworks", "framework"),
        ["author"] = ("authors", "author"),
    };

    /// <summary>"Django vs Flask: 2025!" → "django-vs-flask-2025", kept short.</summary>
    public static string Slugify(string title)
    {
        var ascii = new string(title.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        var slug = NonSlug().Replace(ascii.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
        return slug;
    }

    public static string For(string kind, string title, string slug, DateOnly today, IReadOnlyList<string> frameworks, Catalog? catalog) => kind switch
    {
        "article" => $"""
            ---
            title: {Quote(title)}
            slug: {slug}
            summary: {Quote("One sentence on what the reader learns.")}
            author: FrameworkCompare editors
            published: {today:yyyy-MM-dd}
            frameworks: [{string.Join(", ", frameworks.Take(2))}]
            ---
            ## First heading

            Write the article here.

            """,
        "faq" => $"""
            ---
            question: {Quote(title)}
            slug: {slug}
            topic: Choosing
            frameworks: [{frameworks.FirstOrDefault()}]
            ---
            Write the answer here, with links to the sources.

            """,
        "author" => $"""
            ---
            name: {Quote(title)}
            slug: {slug}
            kind: person
            bio: {Quote("One or two sentences on who they are and what they write about.")}
            links:
              - label: Website
                url: https://example.org/
            ---
            A longer introduction, if the bio is not enough; otherwise delete this line.

            """,
        _ => FrameworkTemplate(title, slug, catalog),
    };

    static string FrameworkTemplate(string name, string slug, Catalog? catalog)
    {
        var text = new StringBuilder($"""
            ---
            slug: {slug}
            name: {Quote(name)}
            language: Python
            kind: full-stack
            website: https://example.org/
            repository: https://example.org/
            license: MIT
            first_release: 2020
            summary: {Quote("One sentence on what the framework is.")}
            values:

            """);
        foreach (var attribute in catalog?.Attributes ?? [])
            text.Append($"  {attribute.Key}:\n    unknown: Not researched yet.\n");
        text.Append("""
            pros:
              - text: What it does well.
            cons:
              - text: Where it falls short.
            ---
            The overview, with a hello-world sample in a fenced code block that names its language.

            """);
        return text.ToString();
    }

    static string Quote(string text) => "\"" + string.Concat(text.Where(c => !char.IsControl(c))).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
