using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Services;

/// <summary>Full-text search over framework profiles, articles and FAQ answers (the SearchIndex FTS5 table).</summary>
public sealed class SearchService(SiteDb db, LinkGenerator links)
{
    public const int MaxQueryLength = 200, MaxTerms = 10, MaxResults = 50, SnippetTokens = 24;

    // Title matches count ten times a body match. Weights follow the FTS5 columns: Kind, Slug, Path, Title, Body.
    const double TitleWeight = 10, BodyWeight = 1;

    // snippet() and highlight() wrap matches in private-use markers instead of HTML, so stored text is never
    // trusted as markup: the text is split on the markers into plain runs that the view encodes. A random
    // nonce per search means stored text cannot fake a marker either.
    sealed record Markers(string Start, string End)
    {
        public static Markers Create()
        {
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            return new($"\uE000{nonce}\uE001", $"\uE001{nonce}\uE000");
        }
    }

    sealed record Hit(string Kind, string Slug, string Title, string Snippet);

    public async Task<SearchViewModel> SearchAsync(string? text, CancellationToken ct)
    {
        var query = Clean(text);
        var terms = Terms(query);
        if (terms.Count == 0) return new SearchViewModel { Query = query, Results = [] };

        var match = MatchExpression(terms);
        var markers = Markers.Create();
        var hits = await db.Database.SqlQuery<Hit>($"""
            SELECT "Kind", "Slug",
                highlight("SearchIndex", 3, {markers.Start}, {markers.End}) AS "Title",
                snippet("SearchIndex", 4, {markers.Start}, {markers.End}, '…', {SnippetTokens}) AS "Snippet"
            FROM "SearchIndex"
            WHERE "SearchIndex" MATCH {match}
            ORDER BY bm25("SearchIndex", 0, 0, 0, {TitleWeight}, {BodyWeight}), "Kind", "Slug"
            LIMIT {MaxResults}
            """).ToListAsync(ct);
        var total = await db.Database
            .SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "SearchIndex" WHERE "SearchIndex" MATCH {match}""")
            .SingleAsync(ct);
        return new SearchViewModel { Query = query, HasTerms = true, Results = hits.Select(h => ToResult(h, markers)).ToList(), Total = total };
    }

    SearchResult ToResult(Hit hit, Markers markers)
    {
        var (label, url) = hit.Kind switch
        {
            SearchIndex.Framework => ("Framework", links.FrameworkPath(hit.Slug)),
            SearchIndex.Article => ("Article", links.ArticlePath(hit.Slug)),
            _ => ("FAQ", links.FaqPath(hit.Slug)),
        };
        return new SearchResult(hit.Kind, label, url, Runs(hit.Title, markers), Runs(hit.Snippet, markers));
    }

    /// <summary>Control characters become spaces; the result is trimmed and capped without splitting a surrogate pair.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var cleaned = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        if (cleaned.Length <= MaxQueryLength) return cleaned;
        var cut = char.IsHighSurrogate(cleaned[MaxQueryLength - 1]) ? MaxQueryLength - 1 : MaxQueryLength;
        return cleaned[..cut].TrimEnd();
    }

    /// <summary>The distinct words of the query, lower-cased: runs of letters, digits and combining marks,
    /// the characters FTS5's unicode61 tokenizer keeps. Everything else (operators, quotes, emoji) separates words.</summary>
    public static List<string> Terms(string query)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in query.EnumerateRunes().Append(new Rune(' ')))
        {
            if (IsWordRune(rune)) { word.Append(rune.ToString()); continue; }
            if (word.Length == 0) continue;
            var term = word.ToString().ToLowerInvariant();
            word.Clear();
            if (!terms.Contains(term)) terms.Add(term);
            if (terms.Count == MaxTerms) break;
        }
        return terms;
    }

    static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };

    /// <summary>Every term as an FTS5 string (so no user text is ever read as an operator), all required;
    /// the last one also matches as a prefix, for a word still being typed.</summary>
    public static string MatchExpression(IReadOnlyList<string> terms) =>
        string.Join(' ', terms.Select((t, i) => $"\"{t.Replace("\"", "\"\"")}\"{(i == terms.Count - 1 ? "*" : "")}"));

    /// <summary>Splits marked text into plain runs, the marked ones flagged as matches.</summary>
    static IReadOnlyList<TextRun> Runs(string marked, Markers markers)
    {
        var runs = new List<TextRun>();
        var text = new StringBuilder();
        var inMatch = false;
        for (var i = 0; i < marked.Length;)
        {
            var marker = marked.AsSpan(i).StartsWith(markers.Start) ? markers.Start : marked.AsSpan(i).StartsWith(markers.End) ? markers.End : null;
            if (marker is null) { text.Append(marked[i++]); continue; }
            if (text.Length > 0) runs.Add(new TextRun(text.ToString(), inMatch));
            text.Clear();
            inMatch = marker == markers.Start;
            i += marker.Length;
        }
        if (text.Length > 0) runs.Add(new TextRun(text.ToString(), inMatch));
        return runs;
    }
}
