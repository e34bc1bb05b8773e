namespace FrameworkCompare.Web.Models;

public enum AuthorKind { Person, Team }

/// <summary>Who writes articles: one person or a team, from content/authors/{slug}.md.</summary>
public sealed class Author
{
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public AuthorKind Kind { get; set; }
    /// <summary>One or two sentences, shown under the name and used as the page's description.</summary>
    public required string Bio { get; set; }
    /// <summary>The author's own pages elsewhere (a profile, a site), shown with rel="me".</summary>
    public List<AuthorLink> Links { get; set; } = [];
    public required string Html { get; set; }
    public required string SourcePath { get; set; }

    /// <summary>
    /// Whether an article's <c>author</c> field means this author: its slug, or its name in any case, so the free-text
    /// names articles were written with keep working once the author has a file.
    /// </summary>
    public bool IsNamedBy(string reference) =>
        reference == Slug || string.Equals(reference.Trim(), Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The keys <see cref="IsNamedBy"/> accepts, lower-cased, for checking articles without the authors at hand.</summary>
    public static IEnumerable<string> KeysOf(string slug, string name) => [slug, name.Trim().ToLowerInvariant()];
}

public sealed record AuthorLink(string Label, string Url);

/// <summary>How an article names its author: with a link to the author's page when there is one, else as plain text.</summary>
public sealed record Byline(string Name, string? Path = null, AuthorKind? Kind = null);
